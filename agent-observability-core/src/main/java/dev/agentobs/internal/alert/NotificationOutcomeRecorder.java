package dev.agentobs.internal.alert;

/**
 * Counts notification outcomes per channel; the metrics implementation is
 * {@link MeterNotificationOutcomeRecorder}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface NotificationOutcomeRecorder {

	/** Records nothing, for applications without a meter registry. */
	NotificationOutcomeRecorder NONE = (channel, outcome) -> {
	};

	/**
	 * Count one outcome.
	 * @param channel the channel, such as {@code webhook}
	 * @param outcome the outcome
	 */
	void record(String channel, NotificationOutcome outcome);

}
