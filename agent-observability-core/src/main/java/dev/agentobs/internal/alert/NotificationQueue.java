package dev.agentobs.internal.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.agentobs.alert.Alert;
import dev.agentobs.alert.AlertNotifier;
import dev.agentobs.internal.support.SafeText;
import dev.agentobs.internal.support.ThrottledLogger;

/**
 * What one receiver still has to be told, and the thread that tells it. Offering never blocks
 * the caller. Notifications wait per alert: a newer one of the same alert replaces one still
 * waiting, so that a receiver that comes back is told each alert as it is now, once.
 * <p>
 * A notification whose delivery fails stays pending and is tried again with backoff (doubling
 * from the retry backoff, at most a minute or the retry window apart, longer
 * when the receiver asks with {@code Retry-After}). A firing one waits until it is delivered or
 * the alert's next repeat or resolution replaces it; a resolved one waits for the retry window
 * (the repeat interval), then it is dropped. A receiver is told that an alert resolved only if
 * it was told that it fired: when the firing notification is still pending, it goes first.
 * <p>
 * Whatever is dropped is counted and logged: the oldest alert when more than the capacity
 * wait, a resolved notification whose retry window ran out, one the receiver refused, and on
 * shutdown whatever could not be delivered within the grace period. The thread runs from
 * {@link #start()} to {@link #close()} or the end of {@link #awaitTermination(long)}, so that
 * whoever owns the queue decides its lifetime; alerts offered before the start wait for it.
 *
 * @since 0.1.0
 */
public final class NotificationQueue implements AutoCloseable {

	/** The longest wait between two deliveries to a receiver that keeps failing. */
	private static final Duration MAX_RETRY_BACKOFF = Duration.ofMinutes(1);

	private static final Logger logger = LoggerFactory.getLogger(NotificationQueue.class);

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	/** How long a stopped delivery thread is given to end once its time is up. */
	private static final long END_WAIT_MILLIS = 1000;

	/** How many alerts a log line of drops names at most. */
	private static final int NAMED_IN_LOG = 5;

	private final AlertNotifier notifier;

	private final String name;

	private final int capacity;

	private final long retryBackoffNanos;

	private final long retryForNanos;

	private final NotificationOutcomeRecorder outcomes;

	/** Failures and drops of this receiver, each logged at most every 5 minutes. */
	private final ThrottledLogger throttled = new ThrottledLogger(logger, Duration.ofMinutes(5));

	private final Object lock = new Object();

	// Everything below is guarded by the lock

	private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();

	/** The keys of the firing alerts this receiver was told of and not yet told resolved. */
	private final Set<String> told = new HashSet<>();

	private @Nullable Alert inFlight;

	/** When the resolved notification in flight was first queued, for its retry window. */
	private long inFlightResolvedAt;

	private int failures;

	private long failingSince;

	private long nextAttempt;

	private long dropped;

	private State state = State.NEW;

	private long drainDeadline;

	private @Nullable Thread worker;

	/**
	 * Create the queue; its delivery thread runs from {@link #start()}.
	 * @param notifier the receiver
	 * @param name the receiver's name in logs and in the {@code receiver} label, such as
	 * {@code webhook-0}: never a URL
	 * @param capacity how many alerts may have notifications waiting
	 * @param retryBackoff the wait after the first failed delivery; it doubles with each further
	 * failure
	 * @param retryFor how long a resolved notification is retried (the repeat interval): the
	 * longest wait between two deliveries too
	 * @param outcomes counts what becomes of each notification
	 */
	public NotificationQueue(AlertNotifier notifier, String name, int capacity, Duration retryBackoff,
			Duration retryFor, NotificationOutcomeRecorder outcomes) {
		checkCapacity("capacity", capacity);
		checkName("name", name);
		if (retryBackoff.isNegative() || retryBackoff.isZero() || retryFor.isNegative() || retryFor.isZero()) {
			throw new IllegalArgumentException(
					"retryBackoff and retryFor must be positive, were " + retryBackoff + " and " + retryFor);
		}
		this.notifier = notifier;
		this.name = name;
		this.capacity = capacity;
		this.retryBackoffNanos = retryBackoff.toNanos();
		this.retryForNanos = retryFor.toNanos();
		this.outcomes = outcomes;
		outcomes.register(notifier.channel(), name);
	}

	/**
	 * Check how many alerts may have notifications waiting, for code that reads it from
	 * configuration and wants to report a bad one under its own name.
	 * @param name the name to report, such as {@code capacity}
	 * @param capacity how many may wait
	 * @throws IllegalArgumentException naming {@code name}, the value and what would be right
	 */
	public static void checkCapacity(String name, int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException(name + " must be 1 or more (100 is a good start), was " + capacity);
		}
	}

	/**
	 * Check a receiver's name, which becomes a metric label: short, and made of letters,
	 * digits, {@code .}, {@code _} and {@code -}, so that it cannot be a URL.
	 * @param field the name to report, such as {@code name}
	 * @param name the receiver's name
	 * @throws IllegalArgumentException naming {@code field}, the value and what would be right
	 */
	public static void checkName(String field, @Nullable String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(field + " must be 1 to 64 letters, digits, '.', '_' or '-' starting "
					+ "with a letter or digit, such as pagerduty, was " + name);
		}
	}

	/**
	 * The receiver's name, as the {@code receiver} label shows it.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Start the delivery thread, unless it runs already or the queue was closed.
	 */
	public void start() {
		synchronized (this.lock) {
			if (this.state != State.NEW) {
				return;
			}
			this.state = State.RUNNING;
			Thread thread = new Thread(this::deliver, "agent-alerts-" + this.name);
			thread.setDaemon(true);
			this.worker = thread;
			thread.start();
		}
	}

	/**
	 * Queue a notification, if the receiver wants alerts of its kind. Never waits for the
	 * receiver. A resolved alert is queued only when the receiver was told, or is still to be
	 * told, that it fired.
	 * @param alert the alert
	 */
	public void offer(Alert alert) {
		if (!this.notifier.accepts(alert)) {
			return;
		}
		String key = alert.key();
		synchronized (this.lock) {
			if (this.state == State.DRAINING || this.state == State.CLOSED) {
				drop(List.of(alert), "the alerts are stopping");
				return;
			}
			Pending entry = this.pending.get(key);
			if (alert.status() == Alert.Status.FIRING) {
				entry = (entry != null) ? entry : add(key);
				// Replaces a repeat not yet sent; and a resolution not yet sent, if it fired again
				entry.firing = alert;
				entry.resolved = null;
			}
			else {
				boolean wasTold = this.told.contains(key);
				boolean toBeTold = (entry != null && entry.firing != null) || isInFlight(key, Alert.Status.FIRING);
				if (!wasTold && !toBeTold) {
					return;
				}
				entry = (entry != null) ? entry : add(key);
				if (wasTold) {
					// The receiver knows it fires: a repeat not yet sent adds nothing to its end
					entry.firing = null;
				}
				entry.resolved = alert;
				entry.resolvedAt = System.nanoTime();
			}
			this.lock.notifyAll();
		}
	}

	/**
	 * How many notifications wait, not counting one being delivered.
	 * @return the number waiting
	 */
	public int size() {
		synchronized (this.lock) {
			int size = 0;
			for (Pending entry : this.pending.values()) {
				size += entry.size();
			}
			return size;
		}
	}

	/**
	 * Stop taking notifications, and deliver those waiting until the deadline; then the
	 * delivery thread ends. {@link #awaitTermination(long)} waits for it and drops the rest.
	 * @param deadline the {@link System#nanoTime()} by which delivery stops
	 */
	public void shutdown(long deadline) {
		synchronized (this.lock) {
			if (this.state == State.RUNNING) {
				this.state = State.DRAINING;
				this.drainDeadline = deadline;
				this.lock.notifyAll();
			}
			else if (this.state == State.NEW) {
				this.state = State.CLOSED;
				dropAll("the alerts stopped before their delivery started");
			}
		}
	}

	/**
	 * Wait until the delivery thread has delivered what waited, or until the deadline; then
	 * stop it, and count and log what was not delivered as dropped.
	 * @param deadline the {@link System#nanoTime()} to wait until at most
	 */
	public void awaitTermination(long deadline) {
		Thread thread;
		synchronized (this.lock) {
			thread = this.worker;
		}
		if (thread != null && thread != Thread.currentThread()) {
			join(thread, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
		}
		synchronized (this.lock) {
			if (this.state == State.CLOSED) {
				return;
			}
			// Counted here, the one in delivery too: the thread records nothing once closed
			this.state = State.CLOSED;
			dropAll("they could not be delivered before the alerts stopped");
		}
		if (thread != null && thread != Thread.currentThread()) {
			// A delivery still in progress: an HTTP request ends when interrupted
			thread.interrupt();
			join(thread, END_WAIT_MILLIS);
		}
	}

	/**
	 * Stop at once: the delivery thread ends, and what waits is counted and logged as dropped.
	 * A closed queue does not start again.
	 */
	@Override
	public void close() {
		long now = System.nanoTime();
		shutdown(now);
		awaitTermination(now);
	}

	private void deliver() {
		while (true) {
			Alert alert;
			synchronized (this.lock) {
				alert = next();
				if (alert == null) {
					return;
				}
				this.inFlight = alert;
			}
			Exception failure = null;
			try {
				this.notifier.send(alert);
			}
			catch (Exception ex) {
				// An interruption too: only closing interrupts, and then nothing more is recorded
				failure = ex;
			}
			synchronized (this.lock) {
				if (this.state == State.CLOSED) {
					return;
				}
				this.inFlight = null;
				if (failure == null) {
					delivered(alert);
				}
				else {
					failed(alert, failure);
				}
			}
		}
	}

	/**
	 * Wait for the next notification to deliver, in the lock.
	 * @return the notification, or {@code null} when the thread should end
	 */
	private @Nullable Alert next() {
		while (true) {
			long now = System.nanoTime();
			if (this.state == State.CLOSED) {
				return null;
			}
			expire(now);
			boolean draining = this.state == State.DRAINING;
			if (draining && (this.pending.isEmpty() || now - this.drainDeadline >= 0)) {
				return null;
			}
			long wait = (this.pending.isEmpty()) ? Long.MAX_VALUE : this.nextAttempt - now;
			if (this.failures == 0 && !this.pending.isEmpty() || wait <= 0) {
				return take();
			}
			if (draining) {
				wait = Math.min(wait, this.drainDeadline - now);
			}
			try {
				if (wait == Long.MAX_VALUE) {
					this.lock.wait();
				}
				else {
					TimeUnit.NANOSECONDS.timedWait(this.lock, Math.max(wait, 1));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
	}

	private Alert take() {
		Iterator<Map.Entry<String, Pending>> entries = this.pending.entrySet().iterator();
		Pending entry = entries.next().getValue();
		this.inFlightResolvedAt = entry.resolvedAt;
		Alert alert = entry.take();
		if (entry.size() == 0) {
			entries.remove();
		}
		return alert;
	}

	private void delivered(Alert alert) {
		record(NotificationOutcome.SENT);
		if (alert.status() == Alert.Status.FIRING) {
			this.told.add(alert.key());
		}
		else {
			this.told.remove(alert.key());
		}
		if (this.failures > 0) {
			logger.info("{} {} ({}) accepts alerts again after {} failed deliveries in {}; {} notification(s) still "
					+ "to deliver", this.notifier.channel(), this.name, this.notifier.receiver(), this.failures,
					duration(System.nanoTime() - this.failingSince), size());
			this.failures = 0;
		}
	}

	// Logged, then counted: whoever reads the count finds the log line
	private void failed(Alert alert, Exception failure) {
		if (failure instanceof DeliveryException delivery && !delivery.isRetryable()) {
			List<Alert> refused = new ArrayList<>(List.of(alert));
			Pending entry = this.pending.get(alert.key());
			if (alert.status() == Alert.Status.RESOLVED) {
				this.told.remove(alert.key());
			}
			else if (entry != null && entry.resolved != null && !this.told.contains(alert.key())) {
				// Its resolution waits behind it: without the firing one, it must not be sent
				refused.add(entry.resolved);
				entry.resolved = null;
				if (entry.size() == 0) {
					this.pending.remove(alert.key());
				}
			}
			drop(refused, "the receiver refused it: " + describe(failure));
			record(NotificationOutcome.FAILED);
			return;
		}
		long now = System.nanoTime();
		if (this.failures == 0) {
			this.failingSince = now;
		}
		this.failures++;
		Duration retryAfter = (failure instanceof DeliveryException delivery) ? delivery.retryAfter() : null;
		long delay = retryDelay(this.failures, retryAfter);
		this.nextAttempt = now + delay;
		putBack(alert);
		this.throttled.warn("failed",
				"Could not deliver " + alert.name() + " (" + alert.status().label() + ") to " + receiverText() + ": "
						+ describe(failure) + "; it stays pending, next attempt in "
						+ duration(delay)
						+ " (failures of this receiver are logged at most every 5 minutes)",
				null);
		record(NotificationOutcome.FAILED);
	}

	/**
	 * The wait before the next delivery: the backoff doubled per failure with half of it
	 * random, so that receivers are not retried in step; no shorter than the receiver asked,
	 * and no longer than the retry window.
	 */
	long retryDelay(int failures, @Nullable Duration retryAfter) {
		long cap = Math.min(MAX_RETRY_BACKOFF.toNanos(), this.retryForNanos);
		long base = this.retryBackoffNanos;
		for (int i = 1; i < failures && base < cap; i++) {
			base *= 2;
		}
		base = Math.min(base, cap);
		long half = Math.max(base / 2, 1);
		long delay = Math.min(cap, half + ThreadLocalRandom.current().nextLong(half + 1));
		if (retryAfter != null) {
			// Compared as durations: a Retry-After of years has no nanoseconds in a long
			boolean longer = retryAfter.compareTo(Duration.ofNanos(this.retryForNanos)) >= 0;
			delay = Math.max(delay, longer ? this.retryForNanos : retryAfter.toNanos());
		}
		return delay;
	}

	/** Put back one that failed, unless a newer one of the same alert replaced it meanwhile. */
	private void putBack(Alert alert) {
		String key = alert.key();
		Pending entry = this.pending.get(key);
		if (entry == null) {
			entry = add(key);
			if (alert.status() == Alert.Status.FIRING) {
				entry.firing = alert;
			}
			else {
				entry.resolved = alert;
				entry.resolvedAt = this.inFlightResolvedAt;
			}
		}
		else if (alert.status() == Alert.Status.FIRING && entry.firing == null && entry.resolved != null
				&& !this.told.contains(key) && entry.resolved.startsAt().equals(alert.startsAt())) {
			// It resolved meanwhile, and the receiver must still be told it fired: first
			entry.firing = alert;
		}
	}

	/** Drop the resolved notifications retried for the whole retry window. */
	private void expire(long now) {
		List<Alert> expired = null;
		Iterator<Pending> entries = this.pending.values().iterator();
		while (entries.hasNext()) {
			Pending entry = entries.next();
			if (entry.resolved != null && now - entry.resolvedAt >= this.retryForNanos) {
				expired = (expired != null) ? expired : new ArrayList<>();
				expired.addAll(entry.all());
				this.told.remove(entry.resolved.key());
				entries.remove();
			}
		}
		if (expired != null) {
			drop(expired, "their retries ran out after " + duration(this.retryForNanos));
		}
	}

	private Pending add(String key) {
		if (this.pending.size() >= this.capacity) {
			Iterator<Pending> oldest = this.pending.values().iterator();
			Pending evicted = oldest.next();
			oldest.remove();
			if (evicted.resolved != null) {
				this.told.remove(evicted.resolved.key());
			}
			drop(evicted.all(), "the queue was full (" + this.capacity + " alerts waiting)");
		}
		Pending entry = new Pending();
		this.pending.put(key, entry);
		return entry;
	}

	private void dropAll(String reason) {
		List<Alert> all = new ArrayList<>();
		if (this.inFlight != null) {
			all.add(this.inFlight);
			this.inFlight = null;
		}
		for (Pending entry : this.pending.values()) {
			all.addAll(entry.all());
		}
		this.pending.clear();
		if (!all.isEmpty()) {
			// Once per receiver as the alerts stop: not throttled. Agent names are escaped
			logger.warn(SafeText.escapeControls("Dropped " + all.size() + " alert notification(s) to " + receiverText()
					+ ": " + reason + ": " + named(all)));
			count(all);
		}
	}

	private void drop(List<Alert> alerts, String reason) {
		this.throttled.warn("dropped", "Dropped " + alerts.size() + " alert notification(s) to " + receiverText() + ", "
				+ reason + ": " + named(alerts) + "; " + (this.dropped + alerts.size())
				+ " dropped since the start (drops of this receiver are logged at most every 5 minutes)", null);
		count(alerts);
	}

	private void count(List<Alert> dropped) {
		this.dropped += dropped.size();
		for (int i = 0; i < dropped.size(); i++) {
			record(NotificationOutcome.DROPPED);
		}
	}

	// A recorder that throws must not end the delivery thread
	private void record(NotificationOutcome outcome) {
		try {
			this.outcomes.record(this.notifier.channel(), this.name, outcome);
		}
		catch (RuntimeException ex) {
			this.throttled.warn("recorder", "Could not count an alert notification of " + receiverText(), ex);
		}
	}

	private boolean isInFlight(String key, Alert.Status status) {
		Alert alert = this.inFlight;
		return alert != null && alert.status() == status && alert.key().equals(key);
	}

	private String receiverText() {
		return this.notifier.channel() + " " + this.name + " (" + this.notifier.receiver() + ")";
	}

	private static String named(List<Alert> alerts) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < Math.min(alerts.size(), NAMED_IN_LOG); i++) {
			text.append((i > 0) ? ", " : "").append(alerts.get(i).key()).append(' ').append(alerts.get(i).status().label());
		}
		return (alerts.size() > NAMED_IN_LOG) ? text + " and " + (alerts.size() - NAMED_IN_LOG) + " more" : text.toString();
	}

	/**
	 * An exception and its causes, each as class and message: a refused connection has no
	 * message of its own, and its cause says what happened.
	 * @param error the exception
	 * @return such as {@code java.net.ConnectException, caused by java.nio.channels.ClosedChannelException}
	 */
	static String describe(Throwable error) {
		StringBuilder text = new StringBuilder();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (!text.isEmpty()) {
				text.append(", caused by ");
			}
			if (cause instanceof DeliveryException) {
				// The receiver's own answer, such as "answered 503 to all 4 attempts"
				text.append(cause.getMessage());
				continue;
			}
			text.append(cause.getClass().getName());
			String message = cause.getMessage();
			// new Exception(cause) copies the cause's text: it is shown with the cause
			boolean copied = cause.getCause() != null && cause.getCause().toString().equals(message);
			if (message != null && !message.isBlank() && !copied) {
				text.append(": ").append(message);
			}
		}
		return text.toString();
	}

	/** A duration for people: {@code 850ms}, {@code 2.5s}. */
	private static String duration(long nanos) {
		long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
		return (millis < 1000) ? millis + "ms" : (millis / 1000) + "." + (millis % 1000) / 100 + "s";
	}

	private static void join(Thread thread, long millis) {
		try {
			thread.join(Math.max(millis, 1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private enum State {

		NEW, RUNNING, DRAINING, CLOSED

	}

	/** The notifications of one alert waiting for this receiver: a firing one goes first. */
	private static final class Pending {

		private @Nullable Alert firing;

		private @Nullable Alert resolved;

		private long resolvedAt;

		Alert take() {
			Alert alert = this.firing;
			if (alert != null) {
				this.firing = null;
				return alert;
			}
			alert = this.resolved;
			this.resolved = null;
			if (alert == null) {
				throw new IllegalStateException("an empty entry was left waiting");
			}
			return alert;
		}

		List<Alert> all() {
			List<Alert> all = new ArrayList<>(2);
			if (this.firing != null) {
				all.add(this.firing);
			}
			if (this.resolved != null) {
				all.add(this.resolved);
			}
			return all;
		}

		int size() {
			return ((this.firing != null) ? 1 : 0) + ((this.resolved != null) ? 1 : 0);
		}

	}

}
