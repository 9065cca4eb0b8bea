package dev.agentobs.alert;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

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
		String render(Alert alert, String service) {
			Map<String, String> labels = labels(alert, service);
			Map<String, String> annotations = new LinkedHashMap<>();
			annotations.put("summary", alert.summary());
			annotations.put("description", alert.description());
			annotations.put("value", Double.toString(alert.value()));
			annotations.put("threshold", Double.toString(alert.threshold()));
			JsonWriter json = new JsonWriter().beginObject()
				.string("version", "4")
				.string("groupKey", "{}:{alertname=\"" + alert.name() + "\"}")
				.number("truncatedAlerts", 0L)
				.string("status", alert.status().label())
				.string("receiver", "agent-observability")
				.object("groupLabels", Map.of("alertname", alert.name()))
				.object("commonLabels", labels)
				.object("commonAnnotations", annotations)
				.string("externalURL", "")
				.beginArray("alerts")
				.beginObject()
				.string("status", alert.status().label())
				.object("labels", labels)
				.object("annotations", annotations)
				.string("startsAt", time(alert.startsAt()))
				// Alertmanager's zero time stands for "not resolved yet"
				.string("endsAt", (alert.endsAt() != null) ? time(alert.endsAt()) : "0001-01-01T00:00:00Z")
				.string("generatorURL", "")
				.string("fingerprint", fingerprint(labels))
				.endObject()
				.endArray();
			return json.endObject().toString();
		}
	},

	/**
	 * The starter's own schema: one alert with every field, documented in the README.
	 */
	JSON {
		@Override
		String render(Alert alert, String service) {
			return new JsonWriter().beginObject()
				.string("version", "1")
				.string("service", service)
				.string("status", alert.status().label())
				.beginObject("alert")
				.string("name", alert.name())
				.string("severity", alert.severity().label())
				.string("category", alert.category().eventName())
				.string("agent", alert.agent())
				.number("value", alert.value())
				.number("threshold", alert.threshold())
				.string("summary", alert.summary())
				.string("description", alert.description())
				.string("startsAt", time(alert.startsAt()))
				.string("endsAt", (alert.endsAt() != null) ? time(alert.endsAt()) : null)
				.strings("recentErrors", alert.recentErrors())
				.endObject()
				.endObject()
				.toString();
		}
	},

	/**
	 * A Slack incoming-webhook message: {@code {"text": ...}}.
	 */
	SLACK {
		@Override
		String render(Alert alert, String service) {
			String text = alert.subject() + "\n" + alert.description() + " (" + service + ")";
			return new JsonWriter().beginObject().string("text", text).endObject().toString();
		}
	};

	/**
	 * Render the body.
	 * @param alert the alert
	 * @param service the application's name
	 * @return the body, JSON
	 */
	abstract String render(Alert alert, String service);

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

	private static String time(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant);
	}

	private static String fingerprint(Map<String, String> labels) {
		return String.format("%016x", (long) labels.hashCode() * 0x9E3779B97F4A7C15L);
	}

}
