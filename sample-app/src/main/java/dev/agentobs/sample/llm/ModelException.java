package dev.agentobs.sample.llm;

/**
 * A model call that failed on the provider's side.
 *
 * @since 0.1.0
 */
public abstract class ModelException extends RuntimeException {

	protected ModelException(String message) {
		super(message);
	}

	/**
	 * Whether the same call may succeed if tried again.
	 * @return {@code true} when a retry makes sense
	 */
	public abstract boolean isRetryable();

}
