package dev.agentobs.internal.alert;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.agentobs.alert.Alert;

/**
 * The body a webhook receives.
 *
 * @since 0.1.0
 */
public enum WebhookFormat {

	/**
	 * Alertmanager's webhook payload, version 4, so that receivers written for Alertmanager
	 * parse it unchanged.
	 */
	ALERTMANAGER {
		@Override
		Map<String, Object> payload(Alert alert, String service, @Nullable String runbook) {
			Map<String, String> labels = labels(alert, service);
			Map<String, String> annotations = new LinkedHashMap<>();
			annotations.put("summary", alert.summary());
			annotations.put("description", alert.description());
			annotations.put("value", Double.toString(alert.value()));
			annotations.put("threshold", Double.toString(alert.threshold()));
			putIfPresent(annotations, "note", alert.note());
			putIfPresent(annotations, "runbook_url", runbook);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("status", alert.status().label());
			entry.put("labels", labels);
			entry.put("annotations", annotations);
			entry.put("startsAt", time(alert.startsAt()));
			// Alertmanager's zero time stands for "not resolved yet"
			entry.put("endsAt", (alert.endsAt() != null) ? time(alert.endsAt()) : "0001-01-01T00:00:00Z");
			entry.put("generatorURL", "");
			entry.put("fingerprint", fingerprint(labels));
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("version", "4");
			payload.put("groupKey", "{}:{alertname=\"" + alert.name() + "\"}");
			payload.put("truncatedAlerts", 0);
			payload.put("status", alert.status().label());
			payload.put("receiver", "agent-observability");
			payload.put("groupLabels", Map.of("alertname", alert.name()));
			payload.put("commonLabels", labels);
			payload.put("commonAnnotations", annotations);
			payload.put("externalURL", "");
			payload.put("alerts", List.of(entry));
			return payload;
		}
	},

	/**
	 * The starter's own schema: one alert with every field, documented in the README.
	 */
	JSON {
		@Override
		Map<String, Object> payload(Alert alert, String service, @Nullable String runbook) {
			Map<String, @Nullable Object> fields = new LinkedHashMap<>();
			fields.put("name", alert.name());
			fields.put("severity", alert.severity().label());
			fields.put("category", alert.category().eventName());
			fields.put("agent", alert.agent());
			fields.put("value", number(alert.value()));
			fields.put("threshold", number(alert.threshold()));
			fields.put("summary", alert.summary());
			fields.put("description", alert.description());
			fields.put("startsAt", time(alert.startsAt()));
			fields.put("endsAt", (alert.endsAt() != null) ? time(alert.endsAt()) : null);
			fields.put("recentErrors", alert.recentErrors());
			fields.put("note", alert.note());
			fields.put("runbookUrl", runbook);
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("version", "1");
			payload.put("service", service);
			payload.put("status", alert.status().label());
			payload.put("alert", fields);
			return payload;
		}
	},

	/**
	 * A Slack incoming-webhook message: {@code {"text": ...}}.
	 */
	SLACK {
		@Override
		Map<String, Object> payload(Alert alert, String service, @Nullable String runbook) {
			String text = alert.subject() + "\n" + alert.description() + " (" + service + ")";
			return Map.of("text", (runbook != null) ? text + "\nRunbook: " + runbook : text);
		}
	};

	/**
	 * The body as plain values for a {@link JsonEncoder}: maps keep their keys in the order
	 * receivers see them.
	 * @param alert the alert
	 * @param service the application's name
	 * @param runbook the alert's runbook URL, or {@code null} when there is none
	 * @return the body
	 */
	abstract Map<String, Object> payload(Alert alert, String service, @Nullable String runbook);

	static Map<String, String> labels(Alert alert, String service) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("alertname", alert.name());
		labels.put("severity", alert.severity().label());
		labels.put("category", alert.category().eventName());
		putIfPresent(labels, "gen_ai_agent_name", alert.agent());
		labels.put("service", service);
		return labels;
	}

	private static void putIfPresent(Map<String, String> map, String key, @Nullable String value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	/**
	 * A whole number without a fraction ({@code 10} rather than {@code 10.0}), and
	 * {@code null} for what JSON cannot hold.
	 */
	private static @Nullable Number number(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return null;
		}
		return (value == Math.rint(value) && Math.abs(value) < 1e15) ? (Number) (long) value : (Number) value;
	}

	private static String time(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant);
	}

	private static String fingerprint(Map<String, String> labels) {
		return String.format("%016x", (long) labels.hashCode() * 0x9E3779B97F4A7C15L);
	}

}
