package dev.agentobs.internal.alert;

import java.io.IOException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A failed delivery that tells its {@link NotificationQueue} what to do next: give the
 * notification up, because the receiver refused it and would refuse it again (a client error),
 * or try again no sooner than the receiver asked ({@code Retry-After}). Any other exception of
 * a notifier is retried with backoff.
 *
 * @since 0.1.0
 */
public final class DeliveryException extends IOException {

	private static final long serialVersionUID = 1L;

	private final boolean retryable;

	private final transient @Nullable Duration retryAfter;

	private DeliveryException(String message, boolean retryable, @Nullable Duration retryAfter) {
		super(message);
		this.retryable = retryable;
		this.retryAfter = retryAfter;
	}

	/**
	 * The receiver refused the notification and would refuse it again.
	 * @param message what the receiver answered
	 * @return the exception
	 */
	public static DeliveryException refused(String message) {
		return new DeliveryException(message, false, null);
	}

	/**
	 * The receiver failed, and may succeed later.
	 * @param message what the receiver answered
	 * @param retryAfter the wait it asked for, or {@code null} when it asked none
	 * @return the exception
	 */
	public static DeliveryException retryable(String message, @Nullable Duration retryAfter) {
		return new DeliveryException(message, true, retryAfter);
	}

	/**
	 * Whether trying again may succeed.
	 * @return {@code false} when the receiver refused the notification for good
	 */
	public boolean isRetryable() {
		return this.retryable;
	}

	/**
	 * The wait the receiver asked for before the next attempt.
	 * @return the wait, or {@code null} when it asked none
	 */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
