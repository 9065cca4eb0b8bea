package dev.agentobs.internal.alert;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts outcomes in {@code agent_alert_notifications_total{channel,receiver,outcome}}.
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

	@Override
	public void register(String channel, String receiver) {
		for (NotificationOutcome outcome : NotificationOutcome.values()) {
			counter(channel, receiver, outcome);
		}
	}

	@Override
	public void record(String channel, String receiver, NotificationOutcome outcome) {
		counter(channel, receiver, outcome).increment();
	}

	private Counter counter(String channel, String receiver, NotificationOutcome outcome) {
		return this.counters.computeIfAbsent(channel + '/' + receiver + '/' + outcome.label(),
				(key) -> Counter.builder(NOTIFICATIONS)
					.description("Alert notifications by receiver and outcome")
					.tag("channel", channel)
					.tag("receiver", receiver)
					.tag("outcome", outcome.label())
					.register(this.registry));
	}

}
