package dev.agentobs.alert;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import org.slf4j.LoggerFactory;

import dev.agentobs.observation.ThrottledLogger;

/**
 * A bounded queue and one delivery thread for one receiver. Offering never blocks: when the
 * queue is full the oldest notification is dropped and counted, so that a receiver that never
 * answers costs a bounded amount of memory and nothing else.
 *
 * @since 0.1.0
 */
public final class NotificationQueue implements AutoCloseable {

	private static final ThrottledLogger logger = new ThrottledLogger(LoggerFactory.getLogger(NotificationQueue.class),
			Duration.ofMinutes(5));

	private final AlertNotifier notifier;

	private final LinkedBlockingDeque<Alert> queue;

	private final NotificationOutcomeRecorder outcomes;

	private final Thread worker;

	private volatile boolean running = true;

	/**
	 * Create the queue and start its delivery thread.
	 * @param notifier the receiver
	 * @param capacity how many notifications may wait
	 * @param outcomes counts what becomes of each
	 */
	public NotificationQueue(AlertNotifier notifier, int capacity, NotificationOutcomeRecorder outcomes) {
		if (capacity < 1) {
			throw new IllegalArgumentException("a notification queue needs a capacity of 1 or more, was " + capacity);
		}
		this.notifier = notifier;
		this.queue = new LinkedBlockingDeque<>(capacity);
		this.outcomes = outcomes;
		this.worker = new Thread(this::deliver, "agent-alerts-" + notifier.channel());
		this.worker.setDaemon(true);
		this.worker.start();
	}

	/**
	 * Queue an alert for delivery, if the receiver wants it. Never blocks.
	 * @param alert the alert
	 */
	public void offer(Alert alert) {
		if (!this.notifier.accepts(alert)) {
			return;
		}
		while (!this.queue.offerLast(alert)) {
			if (this.queue.pollFirst() != null) {
				this.outcomes.record(this.notifier.channel(), NotificationOutcome.DROPPED);
			}
		}
	}

	/**
	 * How many notifications wait.
	 * @return the queue's size
	 */
	public int size() {
		return this.queue.size();
	}

	private void deliver() {
		while (this.running) {
			Alert alert;
			try {
				alert = this.queue.poll(1, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (alert != null) {
				deliver(alert);
			}
		}
	}

	private void deliver(Alert alert) {
		try {
			this.notifier.send(alert);
			this.outcomes.record(this.notifier.channel(), NotificationOutcome.SENT);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
		catch (Exception ex) {
			this.outcomes.record(this.notifier.channel(), NotificationOutcome.FAILED);
			logger.warn(this.notifier.receiver(), "Could not deliver alert " + alert.name() + " to "
					+ this.notifier.channel() + " " + this.notifier.receiver() + ": " + ex.getMessage()
					+ " (further failures of this receiver are logged at most every 5 minutes)", null);
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.worker.interrupt();
	}

}
