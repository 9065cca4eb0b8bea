package dev.agentobs.internal.support;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Logs a warning at most once per key per interval, so that a sink or receiver failing on
 * every operation does not flood the log or slow the agent down with logging.
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
		long now = System.nanoTime();
		Long previous = this.lastLogged.get(key);
		if (previous != null && now - previous < this.intervalNanos) {
			return false;
		}
		boolean won = (previous != null) ? this.lastLogged.replace(key, previous, now)
				: this.lastLogged.putIfAbsent(key, now) == null;
		if (won) {
			this.logger.warn(message, error);
		}
		return won;
	}

}
