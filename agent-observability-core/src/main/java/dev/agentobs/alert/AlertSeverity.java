package dev.agentobs.alert;

/**
 * How urgent an alert is, as the {@code severity} label of Prometheus alerting rules.
 *
 * @since 0.1.0
 */
public enum AlertSeverity {

	/** Someone should look now: page. */
	CRITICAL("critical"),

	/** Someone should look soon: ticket. */
	WARNING("warning");

	private final String label;

	AlertSeverity(String label) {
		this.label = label;
	}

	/**
	 * The value of the {@code severity} label.
	 * @return {@code critical} or {@code warning}
	 */
	public String label() {
		return this.label;
	}

}
