package dev.agentobs.operation;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.support.SecretMasker;

/**
 * How an operation ended: when, after how long, and with which error.
 *
 * @param endTime when the operation ended
 * @param duration how long it took, not negative; longer than {@link #MAX_DURATION} is
 * recorded as {@link #MAX_DURATION}
 * @param error the exception it failed with, or {@code null} when it succeeded or failed
 * without one
 * @param errorType the error's type: the exception's class name unless given, such as
 * {@code rate_limited}; {@code null} when the operation succeeded. A given type that holds
 * what looks like a secret (a token, a key, a URL with credentials) is kept as
 * {@code _REDACTED}, so that no metric label, statistic or log event shows it
 * @since 0.1.0
 */
public record OperationOutcome(Instant endTime, Duration duration, @Nullable Throwable error,
		@Nullable String errorType) {

	/**
	 * The longest duration an operation is recorded with: the most nanoseconds a {@code long}
	 * holds, about 292 years. A longer one (a clock gone wrong, a made-up record) is clamped to
	 * it, so that no sink that counts nanoseconds can fail on it and lose the operation.
	 */
	public static final Duration MAX_DURATION = Duration.ofNanos(Long.MAX_VALUE);

	public OperationOutcome {
		OperationChecks.requireNonNull(endTime, "endTime");
		if (duration == null || duration.isNegative()) {
			throw new IllegalArgumentException("duration must not be null or negative, was " + duration);
		}
		if (duration.compareTo(MAX_DURATION) > 0) {
			duration = MAX_DURATION;
		}
		if (errorType == null && error != null) {
			// A class name is code, not data: it cannot carry a secret
			errorType = error.getClass().getName();
		}
		else if (errorType != null) {
			errorType = SecretMasker.safeErrorType(errorType);
		}
		errorType = OperationChecks.cut(errorType);
	}

	/**
	 * Whether the operation failed.
	 * @return {@code true} when it ended with an error
	 */
	public boolean failed() {
		return this.errorType != null;
	}

}
