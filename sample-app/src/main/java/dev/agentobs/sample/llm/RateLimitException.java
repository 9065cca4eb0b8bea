package dev.agentobs.sample.llm;

import java.time.Duration;

/**
 * The provider refused the call for now (HTTP 429): the organisation used its tokens per
 * minute.
 *
 * @since 0.1.0
 */
public class RateLimitException extends ModelException {

	private final Duration retryAfter;

	public RateLimitException(String model, long limit, long used, long requested, Duration retryAfter) {
		super("Rate limit reached for " + model + " on tokens per min (TPM): Limit " + limit + ", Used " + used
				+ ", Requested " + requested + ". Please try again in " + retryAfter.toMillis() + "ms.");
		this.retryAfter = retryAfter;
	}

	/**
	 * How long the provider asks to wait before trying again.
	 * @return the wait
	 */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
