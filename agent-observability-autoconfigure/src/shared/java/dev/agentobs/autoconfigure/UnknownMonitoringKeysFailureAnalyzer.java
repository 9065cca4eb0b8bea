package dev.agentobs.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.agentobs.autoconfigure.UnknownMonitoringKeysException.UnknownKey;

/**
 * Explains keys under {@code monitoring.} that no property has, in the layout Spring Boot
 * gives bad values (property, origin, reason), each with the nearest known key.
 *
 * @since 0.1.0
 */
final class UnknownMonitoringKeysFailureAnalyzer extends AbstractFailureAnalyzer<UnknownMonitoringKeysException> {

	private static final String ACTION = "Correct each key: the known ones are in the configuration metadata, which IDEs "
			+ "complete. If keys under monitoring. configure something else than agent-observability, set "
			+ "monitoring.strict-keys=false: each unknown key is then logged as a warning instead.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnknownMonitoringKeysException cause) {
		StringBuilder description = new StringBuilder("Unknown monitoring properties, which would be ignored:");
		for (UnknownKey key : cause.getKeys()) {
			description.append(System.lineSeparator());
			line(description, "Property", key.key());
			if (key.origin() != null) {
				line(description, "Origin", key.origin().toString());
			}
			line(description, "Reason", key.reason());
		}
		return new FailureAnalysis(description.toString(), ACTION, cause);
	}

	private static void line(StringBuilder description, String label, String text) {
		description.append(System.lineSeparator()).append("    ").append(label).append(": ").append(text);
	}

}
