package dev.agentobs.internal.alert;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import dev.agentobs.alert.Alert;
import dev.agentobs.alert.AlertNotifier;
import dev.agentobs.internal.support.ThrottledLogger;

/**
 * A bounded queue and one delivery thread for one receiver. Offering never blocks: when the
 * queue is full the oldest notification is dropped and counted, so that a receiver that never
 * answers costs a bounded amount of memory and nothing else. The thread runs from
 * {@link #start()} to {@link #close()}, so that whoever owns the queue decides its lifetime;
 * alerts offered before the start wait for it.
 *
 * @since 0.1.0
 */
public final class NotificationQueue implements AutoCloseable {

	private static final ThrottledLogger logger = new ThrottledLogger(LoggerFactory.getLogger(NotificationQueue.class),
			Duration.ofMinutes(5));

	/** How long {@link #close()} waits for a delivery in progress to give up. */
	private static final long CLOSE_WAIT_MILLIS = 2000;

	private final AlertNotifier notifier;

	private final LinkedBlockingDeque<Alert> queue;

	private final NotificationOutcomeRecorder outcomes;

	private @Nullable Thread worker;

	private boolean closed;

	private volatile boolean running;

	/**
	 * Create the queue; its delivery thread runs from {@link #start()}.
	 * @param notifier the receiver
	 * @param capacity how many notifications may wait
	 * @param outcomes counts what becomes of each
	 */
	public NotificationQueue(AlertNotifier notifier, int capacity, NotificationOutcomeRecorder outcomes) {
		checkCapacity("capacity", capacity);
		this.notifier = notifier;
		this.queue = new LinkedBlockingDeque<>(capacity);
		this.outcomes = outcomes;
	}

	/**
	 * Check how many notifications may wait, for code that reads it from configuration and
	 * wants to report a bad one under its own name.
	 * @param name the name to report, such as {@code capacity}
	 * @param capacity how many notifications may wait
	 * @throws IllegalArgumentException naming {@code name}, the value and what would be right
	 */
	public static void checkCapacity(String name, int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException(name + " must be 1 or more (100 is a good start), was " + capacity);
		}
	}

	/**
	 * Start the delivery thread, unless it runs already or the queue was closed.
	 */
	public synchronized void start() {
		if (this.worker != null || this.closed) {
			return;
		}
		this.running = true;
		this.worker = new Thread(this::deliver, "agent-alerts-" + this.notifier.channel());
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

	/**
	 * Stop the delivery thread and wait briefly for it to end; alerts still queued are not
	 * sent. A closed queue does not start again.
	 */
	@Override
	public synchronized void close() {
		this.closed = true;
		this.running = false;
		Thread thread = this.worker;
		if (thread != null && thread != Thread.currentThread()) {
			thread.interrupt();
			try {
				thread.join(CLOSE_WAIT_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
