package dev.agentobs.sample.llm;

import java.time.Duration;

/**
 * The provider did not answer in time. The simulated model gives up after its usual latency
 * rather than the 30 seconds a real client waits, and its message says how long it waited.
 *
 * @since 0.1.0
 */
public class ModelTimeoutException extends ModelException {

	public ModelTimeoutException(String model, Duration waited) {
		super("Request to " + model + " timed out after " + waited.toMillis() + " ms (simulated)");
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
