package dev.agentobs.operation;

import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.support.SafeText;

/**
 * The checks of the operation records and their builders. Written out rather than as
 * {@code Assert.isTrue(condition, () -> message)}: a message lambda captures its arguments, so
 * it would allocate on every operation of the agent's thread.
 */
final class OperationChecks {

	private OperationChecks() {
	}

	static String requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be null or blank");
		}
		return value;
	}

	/**
	 * A name as the operation keeps it: not blank, and cut to
	 * {@link AgentOperation#MAX_NAME_LENGTH} characters without splitting a character in two.
	 */
	static String requireName(@Nullable String value, String name) {
		return cut(requireText(value, name));
	}

	/**
	 * A name that may be missing, cut as {@link #requireName(String, String)} cuts.
	 */
	static @Nullable String cut(@Nullable String value) {
		return (value != null) ? SafeText.name(value) : null;
	}

	static long requireCount(long value, String name) {
		if (value < 0 || value > TokenUsage.MAX_TOKENS) {
			throw new IllegalArgumentException(
					name + " must be 0 to " + TokenUsage.MAX_TOKENS + " (a count above is no count), was " + value);
		}
		return value;
	}

	static int requireStepNumber(int stepNumber) {
		if (stepNumber < 1) {
			throw new IllegalArgumentException("stepNumber must be 1 or more, was " + stepNumber);
		}
		return stepNumber;
	}

	static <T> T requireNonNull(@Nullable T value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
		return value;
	}

}
