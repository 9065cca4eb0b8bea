package dev.agentobs.internal.alert;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts outcomes in {@code agent_alert_notifications_total{channel,outcome}}.
 *
 * @since 0.1.0
 */
public class MeterNotificationOutcomeRecorder implements NotificationOutcomeRecorder {

	/** The counter's name. */
	public static final String NOTIFICATIONS = "agent.alert.notifications";

	private final MeterRegistry registry;

	private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

	public MeterNotificationOutcomeRecorder(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Register the counters of a channel at zero, so that dashboards show the series before the
	 * first alert.
	 * @param channel the channel
	 */
	public void register(String channel) {
		for (NotificationOutcome outcome : NotificationOutcome.values()) {
			counter(channel, outcome);
		}
	}

	@Override
	public void record(String channel, NotificationOutcome outcome) {
		counter(channel, outcome).increment();
	}

	private Counter counter(String channel, NotificationOutcome outcome) {
		return this.counters.computeIfAbsent(channel + "/" + outcome.label(),
				(key) -> Counter.builder(NOTIFICATIONS)
					.description("Alert notifications by channel and outcome")
					.tag("channel", channel)
					.tag("outcome", outcome.label())
					.register(this.registry));
	}

}
