package dev.agentobs.internal.alert;

/**
 * What became of one notification, as the {@code outcome} label of
 * {@code agent_alert_notifications_total}.
 *
 * @since 0.1.0
 */
public enum NotificationOutcome {

	/** The receiver accepted it. */
	SENT,

	/** Every attempt failed. */
	FAILED,

	/** The receiver's queue was full and it was the oldest: dropped unsent. */
	DROPPED;

	/**
	 * The label value.
	 * @return {@code sent}, {@code failed} or {@code dropped}
	 */
	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
