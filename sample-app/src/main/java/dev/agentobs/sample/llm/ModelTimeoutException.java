package dev.agentobs.sample.llm;

import java.time.Duration;

/**
 * The provider did not answer in time.
 *
 * @since 0.1.0
 */
public class ModelTimeoutException extends ModelException {

	public ModelTimeoutException(String model, Duration timeout) {
		super("Request to " + model + " timed out after " + timeout.toSeconds() + "s");
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
