package dev.agentobs.autoconfigure;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

import dev.agentobs.internal.alert.AlertEvaluator;

/**
 * Runs the {@link AlertEvaluator}'s threads (its evaluation and each receiver's delivery) from
 * the context's start to its close, so that they exist only while the application does: a
 * context that fails to start never starts them, and closing it stops every one.
 */
class AlertEvaluatorLifecycle implements SmartLifecycle {

	private final AlertEvaluator evaluator;

	private final Duration interval;

	private volatile boolean running;

	/**
	 * Create the lifecycle of an evaluator.
	 * @param evaluator the evaluator
	 * @param interval how often it evaluates
	 */
	AlertEvaluatorLifecycle(AlertEvaluator evaluator, Duration interval) {
		this.evaluator = evaluator;
		this.interval = interval;
	}

	@Override
	public void start() {
		this.evaluator.start(this.interval);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.evaluator.close();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
