package dev.agentobs.api;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import dev.agentobs.internal.support.SafeText;
import dev.agentobs.internal.support.ThrottledLogger;

/**
 * What the facade does with input it cannot use: it never throws on the agent's thread (the
 * work must run whatever observability thinks of its arguments), it records what it can and
 * warns at most once a minute per argument, naming the caller found on the stack. The stack
 * is walked only when a warning is logged.
 */
final class InvalidInput {

	/** The name an operation is recorded with when the one given is null or blank. */
	static final String NAME = "_INVALID";

	private static final ThrottledLogger logger = new ThrottledLogger(LoggerFactory.getLogger(AgentObservations.class),
			Duration.ofMinutes(1));

	private static final StackWalker stack = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

	private InvalidInput() {
	}

	/**
	 * The name to record.
	 * @param value the name given
	 * @param what the argument's name, such as {@code toolName}
	 * @return the name given, or {@value #NAME} when it is null or blank
	 */
	static String name(@Nullable String value, String what) {
		if (value != null && !value.isBlank()) {
			return value;
		}
		warn(what, what + " must not be null or blank, was " + quote(value) + "; recorded as " + NAME);
		return NAME;
	}

	/**
	 * Whether a name is usable; when it is not, warn that it is ignored.
	 * @param value the name given
	 * @param what the argument's name, such as {@code toolType}
	 * @return whether it is neither null nor blank
	 */
	static boolean isName(@Nullable String value, String what) {
		if (value != null && !value.isBlank()) {
			return true;
		}
		warn(what, what + " must not be null or blank, was " + quote(value) + "; ignored");
		return false;
	}

	/**
	 * Warn of input that cannot be used, naming the caller.
	 * @param what the argument, the key of the throttle
	 * @param problem what is wrong and what was done instead
	 */
	static void warn(String what, String problem) {
		logger.warn(what, () -> problem + " (called from " + caller() + ")");
	}

	/**
	 * The first frame on the stack outside the facade: the application's call.
	 */
	private static String caller() {
		Optional<StackWalker.StackFrame> frame = stack
			.walk((frames) -> frames.filter((candidate) -> !isFacade(candidate.getDeclaringClass())).findFirst());
		return frame.map((caller) -> caller.getClassName() + "." + caller.getMethodName() + "("
				+ caller.getFileName() + ":" + caller.getLineNumber() + ")").orElse("an unknown caller");
	}

	private static boolean isFacade(Class<?> type) {
		// This class and its lambdas, the facade, and the internals between it and the caller
		return type.getName().startsWith(InvalidInput.class.getName()) || type == AgentObservations.class
				|| ObservedOperation.class.isAssignableFrom(type) || type.getName().startsWith("dev.agentobs.internal.");
	}

	private static String quote(@Nullable String value) {
		return (value != null) ? "'" + SafeText.cut(value, SafeText.MAX_NAME_LENGTH, "...") + "'" : "null";
	}

}
