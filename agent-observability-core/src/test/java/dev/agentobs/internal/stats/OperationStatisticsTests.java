package dev.agentobs.internal.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.agentobs.internal.metrics.TagValueLimiter;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.observation.AgentRunContext;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentRun;
import dev.agentobs.operation.ResponseStream;
import dev.agentobs.stats.ComponentStatistics;
import dev.agentobs.stats.MutableClock;
import dev.agentobs.stats.OperationSummary;
import dev.agentobs.stats.RecentError;
import dev.agentobs.stats.StatisticsSnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link OperationStatistics}.
 */
class OperationStatisticsTests {

	private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

	private static final Duration WINDOW = Duration.ofMinutes(5);

	private final MutableClock clock = new MutableClock(START);

	private final TagValueLimits limits = new TagValueLimits(100);

	private final ActiveAgentRuns activeRuns = new ActiveAgentRuns(this.limits);

	private final OperationStatistics statistics = new OperationStatistics(WINDOW, this.limits, this.clock,
			this.activeRuns, null);

	@Test
	void operationCountsForTheWindowAndAtMostAStepLonger() {
		this.statistics.accept(run("research-agent", 100).error(new IllegalStateException("boom")).build());
		this.statistics.accept(AgentOperation.toolCall("web_search").duration(Duration.ofMillis(20)).build());

		this.clock.advance(WINDOW);
		assertThat(this.statistics.snapshot().overall().window().requests()).isEqualTo(2);
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(this.statistics.snapshot().overall().window().requests()).isEqualTo(2);

		this.clock.advance(Duration.ofSeconds(1));
		StatisticsSnapshot snapshot = this.statistics.snapshot();
		assertThat(snapshot.overall().window()).isEqualTo(OperationSummary.EMPTY);
		assertThat(snapshot.tools().get("web_search").window().requests()).isZero();
		assertThat(snapshot.recentErrors()).isEmpty();
		assertThat(snapshot.overall().total().requests()).isEqualTo(2);
		assertThat(snapshot.overall().total().errors()).isEqualTo(1);
		assertThat(snapshot.agents().get("research-agent").total().requests()).isEqualTo(1);
	}

	@Test
	void slotsReusedAfterAFullTurnStartFromZero() {
		this.statistics.accept(run("research-agent", 100).build());
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(30));
		this.statistics.accept(run("research-agent", 300).build());
		OperationSummary window = this.statistics.snapshot().agents().get("research-agent").window();
		assertThat(window.requests()).isEqualTo(1);
		assertThat(window.averageResponseTime()).isEqualTo(Duration.ofMillis(300));
	}

	@Test
	void countsAreExactWithEightThreadsRecordingAtOnce() throws InterruptedException {
		int threads = 8;
		int operationsPerThread = 100_000;
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			String agent = "agent-" + (t % 2);
			AgentOperation success = run(agent, 10).build();
			AgentOperation failure = run(agent, 10).errorType("timeout").build();
			AgentOperation model = AgentOperation.modelCall("openai", "gpt-4o")
				.runId("run-" + t)
				.agentName(agent)
				.tokens(3, 2)
				.duration(Duration.ofMillis(5))
				.build();
			Thread worker = new Thread(() -> {
				awaitQuietly(start);
				for (int i = 0; i < operationsPerThread; i++) {
					this.statistics.accept((i % 10 == 0) ? failure : success);
					this.statistics.accept(model);
					if (i % 10_000 == 0) {
						// Time moves on while threads record: slots are replaced under load.
						this.clock.advance(Duration.ofSeconds(1));
					}
				}
			});
			worker.start();
			workers.add(worker);
		}
		start.countDown();
		for (Thread worker : workers) {
			worker.join();
		}
		StatisticsSnapshot snapshot = this.statistics.snapshot();
		long operations = (long) threads * operationsPerThread;
		assertThat(snapshot.overall().window().requests()).isEqualTo(operations);
		assertThat(snapshot.overall().window().errors()).isEqualTo(operations / 10);
		assertThat(snapshot.overall().total().requests()).isEqualTo(operations);
		assertThat(snapshot.overall().window().inputTokens()).isEqualTo(3 * operations);
		assertThat(snapshot.overall().window().outputTokens()).isEqualTo(2 * operations);
		assertThat(snapshot.agents().get("agent-0").window().requests()).isEqualTo(operations / 2);
		assertThat(snapshot.agents().get("agent-1").window().errors()).isEqualTo(operations / 20);
		assertThat(snapshot.models().get("gpt-4o").window().requests()).isEqualTo(operations);
		assertThat(snapshot.models().get("gpt-4o").total().inputTokens()).isEqualTo(3 * operations);
		assertThat(snapshot.overall().window().averageResponseTime()).isEqualTo(Duration.ofMillis(10));
	}

	@Test
	void memoryStaysAtTheCapWhateverTheNumberOfToolNames() {
		for (int i = 0; i < 100_000; i++) {
			this.statistics.accept(AgentOperation.toolCall("tool-" + i).duration(Duration.ofMillis(1)).build());
		}
		assertThat(this.statistics.toolCount()).isEqualTo(101);
		assertThat(this.statistics.tool(TagValueLimiter.OTHER).slotCount())
			.isEqualTo(OperationStatistics.WINDOW_STEPS + 1);
		StatisticsSnapshot snapshot = this.statistics.snapshot();
		assertThat(snapshot.tools()).hasSize(101).containsKeys("tool-0", "tool-99", TagValueLimiter.OTHER);
		assertThat(snapshot.tools().get(TagValueLimiter.OTHER).window().requests()).isEqualTo(99_900);
		assertThat(snapshot.overall().window().requests()).isEqualTo(100_000);
	}

	@Test
	void requestsAreAgentRunsAndOperationsOutsideAnyRun() {
		this.statistics.accept(AgentOperation.modelCall("openai", "gpt-4o")
			.runId("run-1")
			.agentName("research-agent")
			.tokens(100, 20)
			.error(new IllegalStateException("rate limited"))
			.build());
		this.statistics.accept(AgentOperation.agentStep("research-agent", 1).runId("run-1").build());
		this.statistics.accept(run("research-agent", 2000).runId("run-1").build());
		this.statistics.accept(AgentOperation.modelCall("openai", "gpt-4o-mini").tokens(10, 5).build());

		StatisticsSnapshot snapshot = this.statistics.snapshot();
		// The run recovered from its failed model call: one request per run, none failed
		assertThat(snapshot.overall().window().requests()).isEqualTo(2);
		assertThat(snapshot.overall().window().errors()).isZero();
		assertThat(snapshot.overall().window().inputTokens()).isEqualTo(110);
		assertThat(snapshot.models().get("gpt-4o").window().errors()).isEqualTo(1);
		ComponentStatistics agent = snapshot.agents().get("research-agent");
		assertThat(agent.window().requests()).isEqualTo(1);
		assertThat(agent.window().inputTokens()).isEqualTo(100);
		assertThat(agent.window().outputTokens()).isEqualTo(20);
		assertThat(snapshot.recentErrors()).singleElement().satisfies((error) -> {
			assertThat(error.operation()).isEqualTo("model.generate");
			assertThat(error.name()).isEqualTo("gpt-4o");
			assertThat(error.agent()).isEqualTo("research-agent");
			assertThat(error.type()).isEqualTo(IllegalStateException.class.getName());
			assertThat(error.message()).isEqualTo("rate limited");
			assertThat(error.time()).isEqualTo(START);
		});
	}

	@Test
	void recentErrorsKeepTheNewestMaskedAndCut() {
		for (int i = 0; i < 25; i++) {
			this.clock.advance(Duration.ofSeconds(1));
			String message = "call " + i + " failed with key sk-proj-abcdefghijklmnop0123456789 " + "x".repeat(300);
			this.statistics.accept(AgentOperation.toolCall("web_search").error(new RuntimeException(message)).build());
		}
		List<RecentError> errors = this.statistics.snapshot().recentErrors();
		assertThat(errors).hasSize(OperationStatistics.MAX_RECENT_ERRORS);
		assertThat(errors.get(0).message()).startsWith("call 24 failed with key **** xxx").hasSize(200);
		assertThat(errors).allSatisfy((error) -> assertThat(error.message()).doesNotContain("abcdefghijklmnop"));
		assertThat(errors.get(19).message()).startsWith("call 5 ");
	}

	@Test
	void activeRunsCountRunsInProgressPerAgent() {
		AgentRunContext first = new AgentRunContext("research-agent");
		AgentRunContext second = new AgentRunContext("research-agent");
		AgentRunContext other = new AgentRunContext("writer-agent");
		this.activeRuns.onStart(first);
		this.activeRuns.onStart(second);
		this.activeRuns.onStart(other);
		this.activeRuns.onStop(second);

		StatisticsSnapshot snapshot = this.statistics.snapshot();
		assertThat(snapshot.activeRuns()).isEqualTo(2);
		assertThat(snapshot.activeRunsByAgent()).containsEntry("research-agent", 1).containsEntry("writer-agent", 1);
		// Known by their runs in progress before any finished
		assertThat(snapshot.agents()).containsKeys("research-agent", "writer-agent");
		assertThat(snapshot.agents().get("writer-agent").window()).isEqualTo(OperationSummary.EMPTY);
	}

	@Test
	void snapshotTellsUptimeAndWindow() {
		this.clock.advance(Duration.ofMinutes(42));
		StatisticsSnapshot snapshot = this.statistics.snapshot();
		assertThat(snapshot.uptime()).isEqualTo(Duration.ofMinutes(42));
		assertThat(snapshot.window()).isEqualTo(WINDOW);
		assertThat(snapshot.time()).isEqualTo(START.plus(Duration.ofMinutes(42)));
		assertThat(snapshot.today()).isNull();
	}

	@Test
	void modelsCarryTheP95TimeToFirstChunkOfTheirStreamedCalls() {
		for (int i = 1; i <= 20; i++) {
			this.statistics.accept(AgentOperation.modelCall("openai", "gpt-4o")
				.stream(new ResponseStream(3, Duration.ofMillis(10L * i), Duration.ofMillis(10L * i + 100)))
				.duration(Duration.ofMillis(10L * i + 150))
				.build());
		}
		this.statistics.accept(AgentOperation.modelCall("openai", "gpt-4o").duration(Duration.ofMillis(5)).build());
		this.statistics.accept(AgentOperation.modelCall("openai", "o3").duration(Duration.ofMillis(5)).build());
		StatisticsSnapshot snapshot = this.statistics.snapshot();
		OperationSummary gpt = snapshot.models().get("gpt-4o").window();
		assertThat(gpt.requests()).isEqualTo(21);
		assertThat(gpt.firstChunks()).isEqualTo(20);
		// 19 of 20 took at most 190 ms, within the buckets' 1%
		assertThat(gpt.p95TimeToFirstChunk()).isBetween(Duration.ofMillis(188), Duration.ofMillis(192));
		assertThat(snapshot.models().get("gpt-4o").total().firstChunks()).isEqualTo(20);
		assertThat(snapshot.models().get("o3").window().firstChunks()).isZero();
		assertThat(snapshot.models().get("o3").window().p95TimeToFirstChunk()).isZero();
	}

	@Test
	void cacheAndReasoningTokensAreSummedPerModelAgentAndOverall() {
		for (int i = 0; i < 3; i++) {
			this.statistics.accept(AgentOperation.modelCall("openai", "o3")
				.agentName("research-agent")
				.tokens(1000, 400)
				.cacheReadTokens(600)
				.cacheWriteTokens(100)
				.reasoningTokens(250)
				.build());
		}
		StatisticsSnapshot snapshot = this.statistics.snapshot();
		for (OperationSummary summary : List.of(snapshot.models().get("o3").window(), snapshot.overall().window(),
				snapshot.agents().get("research-agent").total())) {
			assertThat(summary.inputTokens()).isEqualTo(3000);
			assertThat(summary.cacheReadTokens()).isEqualTo(1800);
			assertThat(summary.cacheWriteTokens()).isEqualTo(300);
			assertThat(summary.reasoningTokens()).isEqualTo(750);
		}
	}

	private static AgentRun.Builder run(String agent, long millis) {
		return AgentOperation.agentRun(agent).duration(Duration.ofMillis(millis));
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT0.999S", "PT24H0.001S", "PT9600H", "PT-5M" })
	void windowOutsideOneSecondToOneDayIsRefused(Duration window) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OperationStatistics(window, this.limits, this.clock, null, null))
			.withMessage("window must be from 1s to 1d (5m suits most services), was " + window);
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT1S", "PT5M", "PT24H" })
	void windowFromOneSecondToOneDayIsTaken(Duration window) {
		assertThat(new OperationStatistics(window, this.limits, this.clock, null, null).snapshot().window())
			.isEqualTo(window);
	}

}
