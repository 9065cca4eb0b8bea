package dev.agentobs.sample.traffic;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import dev.agentobs.sample.SampleProperties;
import dev.agentobs.sample.agent.ResearchAgent;
import dev.agentobs.sample.agent.ResearchResult;

/**
 * Starts {@code sample.traffic.rate} research runs a second in the background, with varied
 * questions, one in four streamed, so that a newcomer sees live metrics and traces at once. A scheduler thread hands
 * each run to a small pool of runners; when every runner is busy the run is skipped rather
 * than queued. A failed run is logged, never thrown. It stops before the web server does, and
 * lets the runs under way finish.
 *
 * @since 0.1.0
 */
@Component
public class TrafficGenerator implements SmartLifecycle {

	static final List<String> QUESTIONS = List.of("How big is the vector database market?",
			"What is (1250 - 380) * 12?", "How fast are solar capacity additions growing, and what is 447 / 240?",
			"How many electric cars were sold last year?", "Are battery pack prices still falling?",
			"How widely is Kubernetes adopted?", "How much coffee does the world produce?",
			"How quickly is the price of LLM inference falling?",
			"What does the Mars sample return mission cost, and what is 11 - 4.4?", "What is 19.99 * 3 + 4.5?",
			"What is 100 / (5 - 5)?", "Have solar module prices dropped?");

	private static final Logger logger = LoggerFactory.getLogger(TrafficGenerator.class);

	// One run in four streams its answer, as a chat UI asks, for the time to first chunk
	static final int STREAMED_EVERY = 4;

	private static final int MAX_RUNNERS = 16;

	private static final long SHUTDOWN_SECONDS = 10;

	private final ResearchAgent agent;

	private final double rate;

	private final AtomicLong runs = new AtomicLong();

	private volatile @Nullable ScheduledExecutorService scheduler;

	private volatile @Nullable ThreadPoolExecutor runners;

	private volatile boolean running;

	public TrafficGenerator(ResearchAgent agent, SampleProperties properties) {
		this.agent = agent;
		this.rate = properties.getTraffic().getRate();
	}

	@Override
	public synchronized void start() {
		this.running = true;
		if (this.rate <= 0) {
			logger.info("Background traffic is off (sample.traffic.rate=0)");
			return;
		}
		// Enough runners for the runs a few seconds of model latency keep under way
		int size = (int) Math.min(MAX_RUNNERS, Math.max(2, Math.ceil(this.rate * 4)));
		this.runners = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS, new SynchronousQueue<>(),
				new CustomizableThreadFactory("traffic-run-"));
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
				new CustomizableThreadFactory("traffic-generator-"));
		long period = Math.max(1, Math.round(TimeUnit.SECONDS.toNanos(1) / this.rate));
		scheduler.scheduleAtFixedRate(this::startRun, period, period, TimeUnit.NANOSECONDS);
		this.scheduler = scheduler;
		logger.info("Starting {} research runs a second in the background; set sample.traffic.rate=0 to stop them",
				this.rate);
	}

	private void startRun() {
		long run = this.runs.getAndIncrement();
		String question = QUESTIONS.get((int) (run % QUESTIONS.size()));
		ThreadPoolExecutor runners = this.runners;
		if (runners == null) {
			return;
		}
		try {
			if (run % STREAMED_EVERY == STREAMED_EVERY - 1) {
				runners.execute(() -> stream(question));
			}
			else {
				// Three questions to a conversation, as a user would ask follow-ups
				runners.execute(() -> research(question, "traffic-" + (run / 3)));
			}
		}
		catch (RejectedExecutionException ex) {
			logger.debug("Every traffic runner is busy; skipping a run");
		}
	}

	private void research(String question, String conversationId) {
		try {
			ResearchResult result = this.agent.research(question, conversationId);
			logger.debug("Background run {} answered: {}", result.runId(), result.answer());
		}
		catch (RuntimeException ex) {
			logger.warn("Background research run failed: {}", ex.getMessage());
		}
	}

	private void stream(String question) {
		try {
			ResearchResult result = this.agent.stream(question, (chunk) -> {
			});
			logger.debug("Background streamed run {} answered: {}", result.runId(), result.answer());
		}
		catch (RuntimeException ex) {
			logger.warn("Background research run failed: {}", ex.getMessage());
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		ScheduledExecutorService scheduler = this.scheduler;
		ThreadPoolExecutor runners = this.runners;
		this.scheduler = null;
		this.runners = null;
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
		if (runners != null) {
			runners.shutdown();
			try {
				if (!runners.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
					runners.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				runners.shutdownNow();
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
