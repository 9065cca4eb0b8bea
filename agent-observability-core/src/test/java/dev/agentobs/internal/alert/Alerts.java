package dev.agentobs.internal.alert;

import java.time.Instant;
import java.util.List;

import dev.agentobs.alert.Alert;
import dev.agentobs.alert.AlertRule;

/**
 * Alerts for tests.
 */
final class Alerts {

	static final Instant STARTED = Instant.parse("2026-11-21T10:15:30Z");

	private Alerts() {
	}

	static Alert firingErrorRate() {
		return new Alert(AlertRule.HIGH_ERROR_RATE, "research-agent", Alert.Status.FIRING, 0.34, 0.10, STARTED, null,
				List.of("java.util.concurrent.TimeoutException: model gpt-4o timed out after 30s"));
	}

	static Alert resolvedErrorRate() {
		return firingErrorRate().resolved(STARTED.plusSeconds(300), 0.02);
	}

	/**
	 * The error rate alert of one agent, firing.
	 * @param agent the agent
	 * @return the alert
	 */
	static Alert firing(String agent) {
		return new Alert(AlertRule.HIGH_ERROR_RATE, agent, Alert.Status.FIRING, 0.34, 0.10, STARTED, null, List.of());
	}

	/**
	 * The error rate alert of one agent, resolved.
	 * @param agent the agent
	 * @return the alert
	 */
	static Alert resolved(String agent) {
		return firing(agent).resolved(STARTED.plusSeconds(300), 0.02);
	}

	static Alert dailyCost() {
		return new Alert(AlertRule.DAILY_COST, null, Alert.Status.FIRING, 12.5, 10.0, STARTED, null, List.of());
	}

}
