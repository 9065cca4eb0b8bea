package dev.agentobs.alert;

import java.util.Locale;

/**
 * What an alert is about; webhooks subscribe to categories through their {@code events}.
 *
 * @since 0.1.0
 */
public enum AlertCategory {

	/** Operations fail. */
	ERROR("error"),

	/** Operations are slow. */
	PERFORMANCE_DEGRADATION("performance_degradation"),

	/** Cost or token use passed a daily budget, or runs were stopped by their budget. */
	BUDGET("budget");

	private final String eventName;

	AlertCategory(String eventName) {
		this.eventName = eventName;
	}

	/**
	 * The name used in {@code monitoring.alerts.webhooks[*].events}.
	 * @return the event name
	 */
	public String eventName() {
		return this.eventName;
	}

	/**
	 * The category an event name stands for, as {@code events} lists it: the event name in
	 * any case, with dashes or underscores, or {@code performance}, which other frameworks'
	 * configuration writes for {@code performance_degradation}.
	 * @param name the name, such as {@code error} or {@code performance}
	 * @return the category
	 * @throws IllegalArgumentException when no category has this name, naming those that do
	 */
	public static AlertCategory ofEventName(String name) {
		String uniform = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
		if (uniform.equals("performance")) {
			return PERFORMANCE_DEGRADATION;
		}
		for (AlertCategory category : values()) {
			if (category.eventName.equals(uniform)) {
				return category;
			}
		}
		throw new IllegalArgumentException("event must be one of error, performance_degradation (or performance), budget, was "
				+ name);
	}

}
