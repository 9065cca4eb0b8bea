package dev.agentobs.autoconfigure;

import java.util.List;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.origin.Origin;

/**
 * Keys under {@code monitoring.} that no property of the starter has: typos, which would
 * otherwise be ignored and leave the default in place.
 */
final class UnknownMonitoringKeysException extends RuntimeException {

	private final List<UnknownKey> keys;

	UnknownMonitoringKeysException(List<UnknownKey> keys) {
		super(message(keys));
		this.keys = List.copyOf(keys);
	}

	/**
	 * The unknown keys, in the order of the property sources (the first one wins).
	 * @return the keys
	 */
	List<UnknownKey> getKeys() {
		return this.keys;
	}

	private static String message(List<UnknownKey> keys) {
		StringJoiner message = new StringJoiner("; ", "Unknown keys under monitoring.: ", "");
		for (UnknownKey key : keys) {
			message.add(key.key() + ": " + key.reason());
		}
		return message.toString();
	}

	/**
	 * One unknown key. Its value is never kept: it may be a secret given to a misspelled key.
	 *
	 * @param key the key as written, such as {@code monitoring.helth.min-requests} or
	 * {@code MONITORING_HELTH_MINREQUESTS}
	 * @param origin where it was set, when known
	 * @param suggestion the nearest known key, written the same way, or {@code null} when none
	 * is near
	 */
	record UnknownKey(String key, @Nullable Origin origin, @Nullable String suggestion) {

		/**
		 * Why the key is refused, and what was probably meant.
		 * @return the reason
		 */
		String reason() {
			return (this.suggestion != null) ? "no such key; did you mean " + this.suggestion + "?"
					: "no such key, and no known key is near it";
		}

	}

}
