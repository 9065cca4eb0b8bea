package dev.agentobs.autoconfigure;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

import dev.agentobs.internal.alert.AlertEvaluator;

/**
 * Runs the {@link AlertEvaluator}'s threads (its evaluation and each receiver's delivery) from
 * the context's start to its close, so that they exist only while the application does: a
 * context that fails to start never starts them, and closing it stops every one. Stopping
 * gives the receivers the shutdown grace period to deliver what waits, on a thread of its
 * own, so that the other beans of the same phase stop meanwhile.
 */
class AlertEvaluatorLifecycle implements SmartLifecycle {

	private final AlertEvaluator evaluator;

	private final Duration interval;

	private final Duration gracePeriod;

	private volatile boolean running;

	/**
	 * Create the lifecycle of an evaluator.
	 * @param evaluator the evaluator
	 * @param interval how often it evaluates
	 * @param gracePeriod how long its receivers may take to deliver what waits on stop
	 */
	AlertEvaluatorLifecycle(AlertEvaluator evaluator, Duration interval, Duration gracePeriod) {
		this.evaluator = evaluator;
		this.interval = interval;
		this.gracePeriod = gracePeriod;
	}

	@Override
	public void start() {
		this.evaluator.start(this.interval);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.evaluator.close(this.gracePeriod);
	}

	@Override
	public void stop(Runnable callback) {
		this.running = false;
		Thread thread = new Thread(() -> {
			try {
				this.evaluator.close(this.gracePeriod);
			}
			finally {
				callback.run();
			}
		}, "agent-alerts-shutdown");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
