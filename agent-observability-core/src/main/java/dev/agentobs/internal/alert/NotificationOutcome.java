package dev.agentobs.internal.alert;

import java.util.Locale;

/**
 * What became of one notification, as the {@code outcome} label of
 * {@code agent_alert_notifications_total}.
 *
 * @since 0.1.0
 */
public enum NotificationOutcome {

	/** The receiver accepted it. */
	SENT,

	/**
	 * One delivery failed, the notifier's own retries included; the notification stays pending
	 * and is tried again, unless the receiver refused it for good (then it is also dropped).
	 */
	FAILED,

	/**
	 * Given up unsent: the receiver's queue was full, the instance stopped before it could
	 * be delivered, its retries ran out, or the receiver refused it.
	 */
	DROPPED;

	/**
	 * The label value.
	 * @return {@code sent}, {@code failed} or {@code dropped}
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
