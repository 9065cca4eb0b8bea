package dev.agentobs.autoconfigure.alert;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.AgentAlertingAutoConfiguration;
import dev.agentobs.autoconfigure.AgentCostAutoConfiguration;
import dev.agentobs.autoconfigure.AgentObservationAutoConfiguration;
import dev.agentobs.autoconfigure.AgentStatisticsAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.internal.alert.AlertEvaluator;
import dev.agentobs.internal.alert.MeterNotificationOutcomeRecorder;
import dev.agentobs.internal.alert.TestWebhookReceiver;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notification path of an application, configured as users configure it and with
 * durations shortened through configuration: a webhook receiver on loopback that fails for
 * longer than the repeat interval loses no firing alert, is told resolved only for what it
 * was told fired, and is told the firing alerts resolved when the application stops, within
 * the shutdown grace period.
 */
@ExtendWith(OutputCaptureExtension.class)
class AlertDeliveryTests {

	private static final List<String> AGENTS = List.of("agent-1", "agent-2", "agent-3", "agent-4");

	private final TestWebhookReceiver receiver = TestWebhookReceiver.start();

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(), BootAutoConfigurations.metrics(),
				AgentObservationAutoConfiguration.class, AgentCostAutoConfiguration.class,
				AgentStatisticsAutoConfiguration.class, AgentAlertingAutoConfiguration.class))
		.withBean(PrometheusMeterRegistry.class, () -> this.registry)
		.withPropertyValues("monitoring.logging.events=false", "monitoring.alerts.evaluation-interval=100ms",
				"monitoring.alerts.repeat-interval=1s", "monitoring.alerts.thresholds.failure-count=1000",
				"monitoring.alerts.webhooks[0].url=" + this.receiver.url(), "monitoring.alerts.webhooks[0].name=oncall",
				"monitoring.alerts.webhooks[0].backoff=50ms", "monitoring.alerts.webhooks[0].max-attempts=2");

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void receiverDownLongerThanTheRepeatIntervalLosesNoFiringAlert(CapturedOutput output) {
		this.receiver.answer(500);
		this.contextRunner.run((context) -> {
			failingRuns(context);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> context.getBean(AlertEvaluator.class).firing().size() == AGENTS.size());
			// Down for three repeat intervals: the repeats fold into what waits
			long downSince = System.nanoTime();
			await().atMost(Duration.ofSeconds(20))
				.until(() -> System.nanoTime() - downSince > Duration.ofSeconds(3).toNanos() && count("failed") >= 6);
			assertThat(this.receiver.received()).isEmpty();
			this.receiver.answer(200);
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(this.receiver.received()).containsAll(
						AGENTS.stream().map((agent) -> "firing HighAgentErrorRate/" + agent).toList()));
			// Healthy runs bring every error rate under 10%: each agent's alert resolves
			for (String agent : AGENTS) {
				runs(context, agent, 120, false);
			}
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(this.receiver.received()).containsAll(
						AGENTS.stream().map((agent) -> "resolved HighAgentErrorRate/" + agent).toList()));
			List<String> received = this.receiver.received();
			for (String agent : AGENTS) {
				assertThat(received.indexOf("firing HighAgentErrorRate/" + agent))
					.isLessThan(received.indexOf("resolved HighAgentErrorRate/" + agent));
			}
			assertThat(received).allMatch((notification) -> notification.contains("HighAgentErrorRate/agent-"));
			assertThat(count("dropped")).isZero();
		});
		assertThat(output).contains("Could not deliver HighAgentErrorRate (firing) to webhook oncall (http://127.0.0.1:")
			.contains("answered 500 to all 2 attempts; it stays pending")
			.contains("webhook oncall (http://127.0.0.1:")
			.contains("accepts alerts again after")
			.doesNotContain("secret-path");
	}

	@Test
	void stoppingTheApplicationTellsTheReceiverItsFiringAlertsResolved() {
		this.contextRunner.run((context) -> {
			runs(context, "agent-1", 12, true);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.receiver.received()).containsExactly("firing HighAgentErrorRate/agent-1"));
		});
		assertThat(this.receiver.received()).containsExactly("firing HighAgentErrorRate/agent-1",
				"resolved HighAgentErrorRate/agent-1 (instance stopping)");
		assertThat(count("sent")).isEqualTo(2);
	}

	@Test
	void stoppingWithAReceiverThatNeverAnswersGivesUpAfterTheGracePeriod(CapturedOutput output) {
		this.receiver.neverAnswer();
		AtomicReference<Long> closing = new AtomicReference<>();
		this.contextRunner
			.withPropertyValues("monitoring.alerts.shutdown-grace-period=500ms", "monitoring.alerts.webhooks[0].timeout=30s")
			.run((context) -> {
				failingRuns(context);
				await().atMost(Duration.ofSeconds(10)).until(() -> this.receiver.requests() >= 1);
				closing.set(System.nanoTime());
			});
		Duration closed = Duration.ofNanos(System.nanoTime() - closing.get());
		assertThat(closed).as("the grace period and little more").isLessThan(Duration.ofSeconds(3));
		// Four firing alerts, each with its resolution as the instance stops, none delivered
		assertThat(count("dropped")).isEqualTo(8);
		assertThat(count("sent")).isZero();
		assertThat(output).contains("Dropped 8 alert notification(s) to webhook oncall (http://127.0.0.1:")
			.contains("they could not be delivered before the alerts stopped");
	}

	private void failingRuns(ApplicationContext context) {
		for (String agent : AGENTS) {
			runs(context, agent, 12, true);
		}
	}

	private static void runs(ApplicationContext context, String agent, int count, boolean failed) {
		AgentObservations observations = context.getBean(AgentObservations.class);
		for (int i = 0; i < count; i++) {
			AgentRun.Builder run = AgentOperation.agentRun(agent).duration(Duration.ofMillis(100));
			observations.record((failed ? run.errorType("timeout") : run).build());
		}
	}

	private long count(String outcome) {
		return (long) this.registry.find(MeterNotificationOutcomeRecorder.NOTIFICATIONS)
			.tag("receiver", "oncall")
			.tag("outcome", outcome)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

}
