package dev.agentobs.alert;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Alerts as the JSON of {@code /actuator/agentalerts} and of the {@code agents} health
 * indicator's {@code alerts} detail.
 *
 * @since 0.1.0
 */
public final class AlertJson {

	private AlertJson() {
	}

	/**
	 * One alert as a map of JSON values.
	 * @param alert the alert
	 * @return its fields
	 */
	public static Map<String, Object> of(Alert alert) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", alert.name());
		json.put("status", alert.status().label());
		json.put("severity", alert.severity().label());
		json.put("category", alert.category().eventName());
		if (alert.agent() != null) {
			json.put("agent", alert.agent());
		}
		json.put("summary", alert.summary());
		json.put("value", alert.value());
		json.put("threshold", alert.threshold());
		json.put("startsAt", DateTimeFormatter.ISO_INSTANT.format(alert.startsAt()));
		if (alert.endsAt() != null) {
			json.put("endsAt", DateTimeFormatter.ISO_INSTANT.format(alert.endsAt()));
		}
		return json;
	}

}
