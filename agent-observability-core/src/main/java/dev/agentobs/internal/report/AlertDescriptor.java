package dev.agentobs.internal.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.agentobs.alert.Alert;

/**
 * One alert, as {@code /actuator/agentalerts} and the {@code agents} health indicator's
 * {@code alerts} detail show it.
 *
 * @param name the alert's name, such as {@code HighAgentErrorRate}
 * @param status {@code firing} or {@code resolved}
 * @param severity its severity
 * @param category its category
 * @param agent the agent it concerns, or {@code null} when it concerns all of them
 * @param summary one line with the agent and the numbers
 * @param value the measured value when it was last evaluated
 * @param threshold the threshold the value is compared with
 * @param startsAt when it started firing, ISO-8601
 * @param endsAt when it was resolved, or {@code null} while it fires
 * @param note that a firing alert is stale, or a resolved one was resolved as the instance
 * stopped; {@code null} otherwise
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertDescriptor(String name, String status, String severity, String category, @Nullable String agent,
		String summary, double value, double threshold, String startsAt, @Nullable String endsAt,
		@Nullable String note) {

	/**
	 * Describe alerts.
	 * @param alerts the alerts
	 * @return their descriptors, in the same order
	 */
	public static List<AlertDescriptor> of(List<Alert> alerts) {
		List<AlertDescriptor> descriptors = new ArrayList<>(alerts.size());
		for (Alert alert : alerts) {
			descriptors.add(new AlertDescriptor(alert.name(), alert.status().label(), alert.severity().label(),
					alert.category().eventName(), alert.agent(), alert.summary(), alert.value(), alert.threshold(),
					DateTimeFormatter.ISO_INSTANT.format(alert.startsAt()),
					(alert.endsAt() != null) ? DateTimeFormatter.ISO_INSTANT.format(alert.endsAt()) : null,
					alert.note()));
		}
		return descriptors;
	}

}
