package dev.agentobs.internal.alert;

/**
 * Counts notification outcomes per receiver; the metrics implementation is
 * {@link MeterNotificationOutcomeRecorder}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface NotificationOutcomeRecorder {

	/** Records nothing, for applications without a meter registry. */
	NotificationOutcomeRecorder NONE = (channel, receiver, outcome) -> {
	};

	/**
	 * Count one outcome.
	 * @param channel the channel, such as {@code webhook}
	 * @param receiver the receiver's configured name, such as {@code webhook-0}: a bounded
	 * label, never a URL
	 * @param outcome the outcome
	 */
	void record(String channel, String receiver, NotificationOutcome outcome);

	/**
	 * Make the counts of one receiver known at zero, so that dashboards show them before the
	 * first alert.
	 * @param channel the channel
	 * @param receiver the receiver's name
	 */
	default void register(String channel, String receiver) {
	}

}
