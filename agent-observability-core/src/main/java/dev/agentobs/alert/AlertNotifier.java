package dev.agentobs.alert;

/**
 * Delivers alerts to one receiver: a webhook, a mail server. Called on the receiver's own
 * delivery thread, never on an agent's thread, so it may block on I/O.
 *
 * @since 0.1.0
 */
public interface AlertNotifier {

	/**
	 * The channel label of {@code agent_alert_notifications_total}: {@code webhook} or
	 * {@code email}. An application's own notifier is also named by it in the
	 * {@code receiver} label, so it should be short and fixed.
	 * @return the channel
	 */
	String channel();

	/**
	 * A name for the receiver in logs, free of secrets (a URL without its query, a mail host).
	 * @return the receiver's name
	 */
	String receiver();

	/**
	 * Whether this receiver wants alerts of this kind at all.
	 * @param alert the alert
	 * @return {@code true} to deliver it
	 */
	default boolean accepts(Alert alert) {
		return true;
	}

	/**
	 * Deliver one alert, retrying as the receiver allows. When it throws, the notification
	 * stays pending for this receiver and is delivered again later, with backoff.
	 * @param alert the alert
	 * @throws Exception when it could not be delivered
	 */
	void send(Alert alert) throws Exception;

}
