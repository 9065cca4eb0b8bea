package dev.agentobs.alert;

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

	/** Cost or token use passed a daily budget. */
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

}
