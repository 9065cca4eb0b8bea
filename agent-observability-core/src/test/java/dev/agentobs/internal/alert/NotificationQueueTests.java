package dev.agentobs.internal.alert;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.agentobs.alert.Alert;
import dev.agentobs.alert.AlertNotifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link NotificationQueue}: delivery off the caller's thread, the bound, and the
 * outcome counters.
 */
class NotificationQueueTests {

	private static final JsonEncoder JSON = JsonMapper.shared()::writeValueAsString;

	private final MockWebServer server = new MockWebServer();

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final MeterNotificationOutcomeRecorder outcomes = new MeterNotificationOutcomeRecorder(this.registry);

	private NotificationQueue queue;

	@BeforeEach
	void start() throws Exception {
		this.server.start(InetAddress.getLoopbackAddress(), 0);
	}

	@AfterEach
	void stop() {
		if (this.queue != null) {
			this.queue.close();
		}
		this.server.close();
	}

	@Test
	void deliveredNotificationIsCountedAsSent() {
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		this.queue = new NotificationQueue(webhook(Duration.ofSeconds(5)), 10, this.outcomes);
		this.queue.start();
		this.queue.offer(Alerts.firingErrorRate());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.registry.scrape())
				.contains("agent_alert_notifications_total{channel=\"webhook\",outcome=\"sent\"} 1.0"));
	}

	@Test
	void deliveryThreadRunsOnlyFromStartToClose() {
		this.queue = new NotificationQueue(webhook(Duration.ofSeconds(5)), 10, this.outcomes);
		assertThat(deliveryThreads()).isEmpty();
		this.queue.start();
		assertThat(deliveryThreads()).hasSize(1);
		this.queue.close();
		assertThat(deliveryThreads()).isEmpty();
		this.queue.start();
		assertThat(deliveryThreads()).as("a closed queue stays closed").isEmpty();
	}

	private static List<Thread> deliveryThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().equals("agent-alerts-webhook"))
			.toList();
	}

	@Test
	void failedNotificationIsCountedAsFailed() {
		this.server.enqueue(new MockResponse.Builder().code(404).build());
		this.queue = new NotificationQueue(webhook(Duration.ofSeconds(5)), 10, this.outcomes);
		this.queue.start();
		this.queue.offer(Alerts.firingErrorRate());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.registry.scrape())
				.contains("agent_alert_notifications_total{channel=\"webhook\",outcome=\"failed\"} 1.0"));
	}

	@Test
	void receiverThatNeverAnswersNeitherBlocksTheCallerNorGrowsTheQueue() {
		// The receiver holds every response for a minute: the delivery thread is stuck on the first
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(new MockResponse.Builder().code(200).headersDelay(60, TimeUnit.SECONDS).build());
		}
		this.queue = new NotificationQueue(webhook(Duration.ofSeconds(60)), 5, this.outcomes);
		this.queue.start();
		this.queue.offer(Alerts.firingErrorRate());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.server.getRequestCount() == 1);
		// Far shorter than the receiver's delay: offering must not wait for it
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			for (int i = 0; i < 1000; i++) {
				this.queue.offer(Alerts.firingErrorRate());
			}
		});
		assertThat(this.queue.size()).isEqualTo(5);
		assertThat(this.registry.scrape())
			.contains("agent_alert_notifications_total{channel=\"webhook\",outcome=\"dropped\"} 995.0");
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
				new CountDownLatch(1).await();
			}
		};
		this.queue = new NotificationQueue(blocked, 10,
				(channel, outcome) -> counted.computeIfAbsent(outcome, (key) -> new AtomicInteger()).incrementAndGet());
		this.queue.start();
		// Let the delivery thread take one and hang, so that what is queued can only go down by drops
		this.queue.offer(Alerts.firingErrorRate());
		await().atMost(Duration.ofSeconds(10)).until(() -> sent.get() == 1);
		Thread[] threads = new Thread[4];
		for (int t = 0; t < threads.length; t++) {
			threads[t] = new Thread(() -> {
				for (int i = 0; i < 1000; i++) {
					this.queue.offer(Alerts.firingErrorRate());
				}
			});
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(sent.get()).isEqualTo(1);
		assertThat(this.queue.size()).isEqualTo(10);
		assertThat(counted.get(NotificationOutcome.DROPPED).get()).isEqualTo(4000 - 10);
	}

	private WebhookNotifier webhook(Duration timeout) {
		return new WebhookNotifier(URI.create(this.server.url("/hook").toString()), WebhookFormat.JSON, JSON, Set.of(), null,
				timeout, 1, Duration.ofMillis(10), Map.of(), "sample-app");
	}

}
