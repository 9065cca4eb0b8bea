package dev.agentobs.internal.support;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Logs a warning at most once per key per interval, so that a sink or receiver failing on
 * every operation does not flood the log or slow the agent down with logging. Control
 * characters in a message are escaped, so that a name in it cannot forge a log line.
 *
 * @since 0.1.0
 */
public final class ThrottledLogger {

	private final Logger logger;

	private final long intervalNanos;

	private final ConcurrentMap<Object, Long> lastLogged = new ConcurrentHashMap<>();

	public ThrottledLogger(Logger logger, Duration interval) {
		this.logger = logger;
		this.intervalNanos = interval.toNanos();
	}

	/**
	 * Log the warning unless one with the same key was logged within the interval.
	 * @param key what failed, such as the sink or receiver
	 * @param message the message
	 * @param error the cause, or {@code null}
	 * @return whether it was logged
	 */
	public boolean warn(Object key, String message, @Nullable Throwable error) {
		if (!acquire(key)) {
			return false;
		}
		this.logger.warn(SafeText.escapeControls(message), error);
		return true;
	}

	/**
	 * Log the warning unless one with the same key was logged within the interval, making its
	 * message only when it is logged: for messages that cost something to make, such as one
	 * naming the caller found on the stack.
	 * @param key what failed
	 * @param message makes the message
	 * @return whether it was logged
	 */
	public boolean warn(Object key, Supplier<String> message) {
		if (!acquire(key)) {
			return false;
		}
		this.logger.warn(SafeText.escapeControls(message.get()));
		return true;
	}

	private boolean acquire(Object key) {
		long now = System.nanoTime();
		Long previous = this.lastLogged.get(key);
		if (previous != null && now - previous < this.intervalNanos) {
			return false;
		}
		return (previous != null) ? this.lastLogged.replace(key, previous, now)
				: this.lastLogged.putIfAbsent(key, now) == null;
	}

}
