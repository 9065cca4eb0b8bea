package dev.agentobs.internal.alert;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.agentobs.alert.Alert;
import dev.agentobs.alert.AlertNotifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests for {@link NotificationQueue} against real receivers on loopback: delivery off the
 * caller's thread, notifications that stay pending until the receiver recovers, resolutions
 * only for what the receiver was told fired, the bound, the grace period on shutdown, and a
 * count and a log line for every drop.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationQueueTests {

	private static final JsonEncoder JSON = JsonMapper.shared()::writeValueAsString;

	private static final Duration RETRY_FOR = Duration.ofSeconds(30);

	private final TestWebhookReceiver receiver = TestWebhookReceiver.start();

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final MeterNotificationOutcomeRecorder outcomes = new MeterNotificationOutcomeRecorder(this.registry);

	private final List<NotificationQueue> queues = new ArrayList<>();

	@AfterEach
	void stop() {
		this.queues.forEach(NotificationQueue::close);
		this.receiver.close();
	}

	@Test
	void deliveredNotificationIsCountedAsSentUnderTheReceiversName() {
		NotificationQueue queue = started(webhook(this.receiver.url(), 1), "pagerduty", 10);
		queue.offer(Alerts.firingErrorRate());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.registry.scrape()).contains(
				"agent_alert_notifications_total{channel=\"webhook\",outcome=\"sent\",receiver=\"pagerduty\"} 1.0"));
		assertThat(this.registry.scrape()).doesNotContain("127.0.0.1", "secret-path");
	}

	@Test
	void countersOfAReceiverAreKnownAtZeroBeforeTheFirstAlert() {
		queue(webhook(this.receiver.url(), 1), "webhook-0", 10);
		assertThat(this.registry.scrape())
			.contains("agent_alert_notifications_total{channel=\"webhook\",outcome=\"sent\",receiver=\"webhook-0\"} 0.0")
			.contains("agent_alert_notifications_total{channel=\"webhook\",outcome=\"failed\",receiver=\"webhook-0\"} 0.0")
			.contains(
					"agent_alert_notifications_total{channel=\"webhook\",outcome=\"dropped\",receiver=\"webhook-0\"} 0.0");
	}

	@Test
	void deliveryThreadRunsOnlyFromStartToClose() {
		NotificationQueue queue = queue(webhook(this.receiver.url(), 1), "webhook-0", 10);
		assertThat(deliveryThreads()).isEmpty();
		queue.start();
		assertThat(deliveryThreads()).hasSize(1);
		queue.close();
		assertThat(deliveryThreads()).isEmpty();
		queue.start();
		assertThat(deliveryThreads()).as("a closed queue stays closed").isEmpty();
	}

	private static List<Thread> deliveryThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().equals("agent-alerts-webhook-0"))
			.toList();
	}

	@Test
	void receiverAnswering500ThenRecoveringGetsEveryFiringAlert(CapturedOutput output) {
		this.receiver.answer(500);
		NotificationQueue queue = started(webhook(this.receiver.url(), 2), "oncall", 100);
		for (int i = 1; i <= 4; i++) {
			queue.offer(Alerts.firing("agent-" + i));
		}
		// Several deliveries fail, each with the notifier's own two attempts
		await().atMost(Duration.ofSeconds(10)).until(() -> this.receiver.requests() >= 6);
		assertThat(queue.size()).as("pending while the receiver fails").isGreaterThanOrEqualTo(3);
		this.receiver.answer(200);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.receiver.received()).containsExactlyInAnyOrder(
					"firing HighAgentErrorRate/agent-1", "firing HighAgentErrorRate/agent-2",
					"firing HighAgentErrorRate/agent-3", "firing HighAgentErrorRate/agent-4"));
		assertThat(count("sent")).isEqualTo(4);
		assertThat(count("failed")).isGreaterThanOrEqualTo(3);
		assertThat(count("dropped")).isZero();
		assertThat(output).contains("Could not deliver HighAgentErrorRate (firing) to webhook oncall (http://127.0.0.1:")
			.contains("answered 500 to all 2 attempts; it stays pending, next attempt in ")
			.contains("webhook oncall (http://127.0.0.1:")
			.contains("accepts alerts again after ")
			.doesNotContain("secret-path");
	}

	@Test
	void newerNotificationOfTheSameAlertReplacesOneStillWaiting() {
		this.receiver.answer(500);
		// Retried seconds apart: what waits stays waiting while the test offers and counts
		NotificationQueue queue = started(webhook(this.receiver.url(), 1), "oncall", 100, Duration.ofSeconds(4),
				RETRY_FOR);
		queue.offer(Alerts.firing("research-agent"));
		await().atMost(Duration.ofSeconds(10)).until(() -> count("failed") >= 1);
		// Repeats while the receiver is down: the receiver gets the alert once, as it is now
		for (int i = 0; i < 5; i++) {
			queue.offer(Alerts.firing("research-agent").withValue(0.5 + i / 100.0, List.of(), null));
		}
		assertThat(queue.size()).isEqualTo(1);
		this.receiver.answer(200);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.receiver.received()).containsExactly("firing HighAgentErrorRate/research-agent"));
		assertThat(this.receiver.bodies().get(0)).contains("\"value\":0.54");
		assertThat(count("dropped")).isZero();
	}

	@Test
	void receiverIsToldResolvedOnlyForWhatItWasToldFired() {
		NotificationQueue queue = started(webhook(this.receiver.url(), 1), "oncall", 100);
		queue.offer(Alerts.firing("told"));
		await().atMost(Duration.ofSeconds(10)).until(() -> count("sent") == 1);
		this.receiver.answer(500);
		// Resolved without having fired at this receiver: nothing to tell
		queue.offer(Alerts.resolved("never-fired"));
		// Fired and resolved while the receiver was down: it hears both, in order
		queue.offer(Alerts.firing("while-down"));
		queue.offer(Alerts.resolved("while-down"));
		queue.offer(Alerts.resolved("told"));
		await().atMost(Duration.ofSeconds(10)).until(() -> count("failed") >= 2);
		this.receiver.answer(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.receiver.received()).hasSize(4));
		List<String> received = this.receiver.received();
		assertThat(received).containsExactlyInAnyOrder("firing HighAgentErrorRate/told", "resolved HighAgentErrorRate/told",
				"firing HighAgentErrorRate/while-down", "resolved HighAgentErrorRate/while-down");
		assertThat(received.indexOf("firing HighAgentErrorRate/while-down"))
			.isLessThan(received.indexOf("resolved HighAgentErrorRate/while-down"));
		assertThat(received).noneMatch((notification) -> notification.contains("never-fired"));
	}

	@Test
	void firingNotificationDroppedFromAFullQueueIsNeverFollowedByItsResolution(CapturedOutput output) {
		this.receiver.answer(500);
		// Retried seconds apart: agent-1 waits, and is not being delivered, when the queue fills
		NotificationQueue queue = started(webhook(this.receiver.url(), 1), "oncall", 2, Duration.ofSeconds(4),
				RETRY_FOR);
		queue.offer(Alerts.firing("agent-1"));
		await().atMost(Duration.ofSeconds(10)).until(() -> count("failed") >= 1);
		queue.offer(Alerts.firing("agent-2"));
		queue.offer(Alerts.firing("agent-3"));
		queue.offer(Alerts.resolved("agent-1"));
		this.receiver.answer(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.receiver.received())
			.containsExactlyInAnyOrder("firing HighAgentErrorRate/agent-2", "firing HighAgentErrorRate/agent-3"));
		assertThat(count("dropped")).isEqualTo(1);
		assertThat(output).contains("Dropped 1 alert notification(s) to webhook oncall (http://127.0.0.1:")
			.contains("the queue was full (2 alerts waiting): HighAgentErrorRate/agent-1 firing; 1 dropped since the start");
	}

	@Test
	void tooManyRequestsIsRetriedNoSoonerThanTheReceiverAsked() {
		this.receiver.answer(429, "1");
		NotificationQueue queue = started(webhook(this.receiver.url(), 1), "oncall", 10);
		queue.offer(Alerts.firing("research-agent"));
		await().atMost(Duration.ofSeconds(10)).until(() -> count("failed") == 1);
		this.receiver.answer(200);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.receiver.received()).containsExactly("firing HighAgentErrorRate/research-agent"));
		List<Long> times = this.receiver.requestTimes();
		assertThat(times).hasSize(2);
		// The queue's own backoff is 20 ms: only Retry-After makes it wait a second
		assertThat(Duration.ofNanos(times.get(1) - times.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(990));
	}

	@Test
	void retryAfterLongerThanTheNotifiersBackoffIsNotSleptThroughOnTheDeliveryThread() {
		this.receiver.answer(429, "120");
		NotificationQueue queue = started(webhook(this.receiver.url(), 4), "oncall", 10);
		queue.offer(Alerts.firing("research-agent"));
		await().atMost(Duration.ofSeconds(10)).until(() -> count("failed") == 1);
		// One attempt, not four: the receiver asked for two minutes, which the queue keeps
		assertThat(this.receiver.requests()).isEqualTo(1);
		assertThat(queue.size()).isEqualTo(1);
	}

	@Test
	void refusedConnectionIsLoggedWithItsCause(CapturedOutput output) {
		// Retried seconds apart: the notification waits, and is not being delivered, when counted
		NotificationQueue queue = started(webhook(TestWebhookReceiver.closedPort(), 1), "oncall", 10,
				Duration.ofSeconds(4), RETRY_FOR);
		queue.offer(Alerts.firing("research-agent"));
		await().atMost(Duration.ofSeconds(10)).until(() -> output.toString().contains("Could not deliver"));
		assertThat(output).contains("java.net.ConnectException")
			.doesNotContain(": null")
			.doesNotContain("secret-path")
			.contains("it stays pending");
		assertThat(queue.size()).isEqualTo(1);
	}

	@Test
	void clientErrorIsDroppedAndNotRetried(CapturedOutput output) {
		this.receiver.answer(404);
		NotificationQueue queue = started(webhook(this.receiver.url(), 4), "oncall", 10);
		queue.offer(Alerts.firingErrorRate());
		await().atMost(Duration.ofSeconds(10)).until(() -> count("dropped") == 1);
		assertThat(count("failed")).isEqualTo(1);
		assertThat(this.receiver.requests()).isEqualTo(1);
		assertThat(queue.size()).isZero();
		assertThat(output).contains("the receiver refused it: answered 404; a client error is not retried");
	}

	@Test
	void resolvedNotificationIsDroppedWhenItsRetriesRunOut(CapturedOutput output) {
		NotificationQueue queue = started(webhook(this.receiver.url(), 1), "oncall", 10, Duration.ofMillis(600));
		queue.offer(Alerts.firing("research-agent"));
		await().atMost(Duration.ofSeconds(10)).until(() -> count("sent") == 1);
		this.receiver.answer(500);
		queue.offer(Alerts.resolved("research-agent"));
		await().atMost(Duration.ofSeconds(10)).until(() -> count("dropped") == 1);
		assertThat(queue.size()).isZero();
		assertThat(output).contains("their retries ran out after 600ms: HighAgentErrorRate/research-agent resolved");
	}

	@Test
	void receiverThatNeverAnswersNeitherBlocksTheCallerNorGrowsTheQueue(CapturedOutput output) {
		this.receiver.neverAnswer();
		NotificationQueue queue = started(webhook(this.receiver.url(), 1, Duration.ofSeconds(60)), "oncall", 5);
		queue.offer(Alerts.firing("agent-0"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.receiver.requests() == 1);
		// Far shorter than the receiver's silence: offering must not wait for it
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			for (int i = 1; i <= 1000; i++) {
				queue.offer(Alerts.firing("agent-" + i));
			}
		});
		assertThat(queue.size()).isEqualTo(5);
		assertThat(count("dropped")).isEqualTo(995);
		// One line for the 995 drops: logged at most every 5 minutes per receiver
		assertThat(occurrences(output.toString(), "alert notification(s) to webhook oncall")).isOne();
	}

	@Test
	void timeoutOfAReceiverThatNeverAnswersIsLoggedWithItsCause(CapturedOutput output) {
		this.receiver.neverAnswer();
		NotificationQueue queue = started(webhook(this.receiver.url(), 1, Duration.ofMillis(200)), "oncall", 5);
		queue.offer(Alerts.firing("research-agent"));
		await().atMost(Duration.ofSeconds(10)).until(() -> count("failed") == 1);
		assertThat(output).contains("java.net.http.HttpTimeoutException: request timed out");
	}

	@Test
	void shutdownDeliversWhatWaitsWithinTheGracePeriodAndCountsTheRestAsDropped(CapturedOutput output) {
		this.receiver.delay(Duration.ofMillis(100));
		NotificationQueue queue = started(webhook(this.receiver.url(), 1), "oncall", 100);
		for (int i = 0; i < 30; i++) {
			queue.offer(Alerts.firing("agent-" + i));
		}
		long started = System.nanoTime();
		queue.shutdown(started + TimeUnit.MILLISECONDS.toNanos(1000));
		queue.awaitTermination(started + TimeUnit.MILLISECONDS.toNanos(1000));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		long sent = count("sent");
		long dropped = count("dropped");
		assertThat(sent).as("delivered in the grace period").isBetween(3L, 12L);
		assertThat(sent + dropped).isEqualTo(30);
		assertThat(output).contains("Dropped " + dropped + " alert notification(s) to webhook oncall")
			.contains("they could not be delivered before the alerts stopped");
		assertThat(queue.size()).isZero();
	}

	@Test
	void shutdownWithTimeEnoughDeliversEverything(CapturedOutput output) {
		NotificationQueue queue = started(webhook(this.receiver.url(), 1), "oncall", 100);
		for (int i = 0; i < 30; i++) {
			queue.offer(Alerts.firing("agent-" + i));
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		queue.shutdown(deadline);
		queue.awaitTermination(deadline);
		assertThat(this.receiver.received()).hasSize(30);
		assertThat(count("dropped")).isZero();
		assertThat(output).doesNotContain("Dropped");
		assertThat(deliveryThreads()).isEmpty();
	}

	@Test
	void offersAfterTheQueueStoppedAreCountedAsDropped() {
		NotificationQueue queue = started(webhook(this.receiver.url(), 1), "oncall", 10);
		queue.close();
		queue.offer(Alerts.firing("research-agent"));
		assertThat(count("dropped")).isOne();
		assertThat(this.receiver.requests()).isZero();
	}

	@Test
	void concurrentOffersKeepTheBoundAndLoseNoCount() throws Exception {
		AtomicInteger sent = new AtomicInteger();
		Map<NotificationOutcome, AtomicInteger> counted = new ConcurrentHashMap<>();
		AlertNotifier blocked = new AlertNotifier() {
			@Override
			public String channel() {
				return "test";
			}

			@Override
			public String receiver() {
				return "blocked";
			}

			@Override
			public void send(Alert alert) throws InterruptedException {
				sent.incrementAndGet();
				// A receiver that never answers: the delivery thread stays here until closed
				new CountDownLatch(1).await(2, TimeUnit.MINUTES);
			}
		};
		NotificationQueue queue = new NotificationQueue(blocked, "blocked", 10, Duration.ofMillis(20), RETRY_FOR,
				(channel, name, outcome) -> counted.computeIfAbsent(outcome, (key) -> new AtomicInteger())
					.incrementAndGet());
		this.queues.add(queue);
		queue.start();
		// Let the delivery thread take one and hang, so that what is queued can only go down by drops
		queue.offer(Alerts.firing("hanging"));
		await().atMost(Duration.ofSeconds(10)).until(() -> sent.get() == 1);
		Thread[] threads = new Thread[4];
		for (int t = 0; t < threads.length; t++) {
			int thread = t;
			threads[t] = new Thread(() -> {
				for (int i = 0; i < 1000; i++) {
					queue.offer(Alerts.firing("agent-" + thread + "-" + i));
				}
			});
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join(Duration.ofSeconds(30).toMillis());
			assertThat(thread.isAlive()).as("an offering thread still running after 30 s").isFalse();
		}
		assertThat(sent.get()).isEqualTo(1);
		assertThat(queue.size()).isEqualTo(10);
		assertThat(counted.get(NotificationOutcome.DROPPED).get()).isEqualTo(4000 - 10);
	}

	@Test
	void describeNamesEveryCauseWithItsClass() {
		Exception error = new java.io.IOException(new java.net.ConnectException());
		assertThat(NotificationQueue.describe(error))
			.isEqualTo("java.io.IOException, caused by java.net.ConnectException");
		assertThat(NotificationQueue.describe(new IllegalStateException("outer", new RuntimeException("inner"))))
			.isEqualTo("java.lang.IllegalStateException: outer, caused by java.lang.RuntimeException: inner");
	}

	@Test
	void retryDelayDoublesWithJitterUpToTheCapAndHonoursRetryAfter() {
		NotificationQueue queue = queue(webhook(this.receiver.url(), 1), "oncall", 10, Duration.ofSeconds(90));
		for (int i = 0; i < 50; i++) {
			assertThat(queue.retryDelay(1, null)).isBetween(ms(10), ms(20));
			assertThat(queue.retryDelay(3, null)).isBetween(ms(40), ms(80));
			assertThat(queue.retryDelay(40, null)).isBetween(ms(30_000), ms(60_000));
			assertThat(queue.retryDelay(1, Duration.ofSeconds(5))).isEqualTo(ms(5000));
			assertThat(queue.retryDelay(1, Duration.ofHours(1))).as("no longer than the retry window")
				.isEqualTo(ms(90_000));
			assertThat(queue.retryDelay(1, Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(ms(90_000));
		}
	}

	@Test
	void nameMustBeALabelValueAndNoUrl() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> NotificationQueue.checkName("name", "https://hooks.slack.com/services/T0/B0/X"))
			.withMessage("name must be 1 to 64 letters, digits, '.', '_' or '-' starting with a letter or digit, "
					+ "such as pagerduty, was https://hooks.slack.com/services/T0/B0/X");
	}

	private static long ms(long millis) {
		return TimeUnit.MILLISECONDS.toNanos(millis);
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	private long count(String outcome) {
		return (long) this.registry.find(MeterNotificationOutcomeRecorder.NOTIFICATIONS)
			.tag("outcome", outcome)
			.counters()
			.stream()
			.mapToDouble(io.micrometer.core.instrument.Counter::count)
			.sum();
	}

	private NotificationQueue started(AlertNotifier notifier, String name, int capacity) {
		return started(notifier, name, capacity, RETRY_FOR);
	}

	private NotificationQueue started(AlertNotifier notifier, String name, int capacity, Duration retryFor) {
		return started(notifier, name, capacity, Duration.ofMillis(20), retryFor);
	}

	private NotificationQueue started(AlertNotifier notifier, String name, int capacity, Duration retryBackoff,
			Duration retryFor) {
		NotificationQueue queue = new NotificationQueue(notifier, name, capacity, retryBackoff, retryFor,
				this.outcomes);
		this.queues.add(queue);
		queue.start();
		return queue;
	}

	private NotificationQueue queue(AlertNotifier notifier, String name, int capacity) {
		return queue(notifier, name, capacity, RETRY_FOR);
	}

	private NotificationQueue queue(AlertNotifier notifier, String name, int capacity, Duration retryFor) {
		NotificationQueue queue = new NotificationQueue(notifier, name, capacity, Duration.ofMillis(20), retryFor,
				this.outcomes);
		this.queues.add(queue);
		return queue;
	}

	private static WebhookNotifier webhook(URI url, int maxAttempts) {
		return webhook(url, maxAttempts, Duration.ofSeconds(5));
	}

	private static WebhookNotifier webhook(URI url, int maxAttempts, Duration timeout) {
		return new WebhookNotifier(url, WebhookFormat.JSON, JSON, Set.of(), null, timeout, maxAttempts,
				Duration.ofMillis(10), Map.of(), "sample-app", RunbookLinks.NONE);
	}

}
