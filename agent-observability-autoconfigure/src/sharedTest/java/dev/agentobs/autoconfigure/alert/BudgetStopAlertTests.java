package dev.agentobs.autoconfigure.alert;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.alert.Alert;
import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.AgentAlertingAutoConfiguration;
import dev.agentobs.autoconfigure.AgentCostAutoConfiguration;
import dev.agentobs.autoconfigure.AgentObservationAutoConfiguration;
import dev.agentobs.autoconfigure.AgentStatisticsAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.cost.AgentBudgetExceededException;
import dev.agentobs.internal.alert.AlertEvaluator;
import dev.agentobs.internal.alert.TestWebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Runs stopped by their budget alert through the application's own alerting: an agent loop
 * stopped (or, in {@code report} mode, reported) at its {@code max-tokens} fires
 * {@code AgentBudgetExceeded} at a webhook on loopback that subscribes to the budget alerts
 * only, once, and resolves it when the window holds no stop any more.
 */
class BudgetStopAlertTests {

	private final TestWebhookReceiver receiver = TestWebhookReceiver.start();

	private final AtomicInteger modelCalls = new AtomicInteger();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(), BootAutoConfigurations.metrics(),
				AgentObservationAutoConfiguration.class, AgentCostAutoConfiguration.class,
				AgentStatisticsAutoConfiguration.class, AgentAlertingAutoConfiguration.class))
		.withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
		// A failed run passes the failure count of 0: its alert fires, but not at this webhook
		.withPropertyValues("monitoring.logging.events=false", "monitoring.window=2s",
				"monitoring.alerts.evaluation-interval=100ms", "monitoring.alerts.thresholds.failure-count=0",
				"monitoring.budgets.agents.research-agent.max-tokens=100",
				"monitoring.alerts.webhooks[0].url=" + this.receiver.url(), "monitoring.alerts.webhooks[0].events=budget");

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void agentLoopStoppedAtItsBudgetFiresAgentBudgetExceededOnceAndResolves() {
		this.contextRunner.run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			assertThatExceptionOfType(AgentBudgetExceededException.class)
				.isThrownBy(() -> loop(observations, "research-agent", 5));
			assertThat(this.modelCalls).as("calls that reached the model").hasValue(1);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(context.getBean(AlertEvaluator.class).firing())
					.extracting(Alert::name)
					.contains("AgentBudgetExceeded", "AgentFailureSpike"));
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(this.receiver.received()).containsExactly(
						"firing AgentBudgetExceeded/research-agent", "resolved AgentBudgetExceeded/research-agent"));
			String fired = this.receiver.bodies().get(0);
			assertThat(JsonPath.<String>read(fired, "$.alert.summary")).isEqualTo("research-agent max-tokens 1 > 0");
			assertThat(JsonPath.<String>read(fired, "$.alert.category")).isEqualTo("budget");
			assertThat(JsonPath.<String>read(fired, "$.alert.severity")).isEqualTo("warning");
		});
		assertThat(this.receiver.received()).hasSize(2);
	}

	@Test
	void agentLoopOnlyReportedAtItsBudgetFiresAgentBudgetExceededToo() {
		this.contextRunner.withPropertyValues("monitoring.budgets.mode=report").run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			loop(observations, "research-agent", 3);
			assertThat(this.modelCalls).as("calls that reached the model").hasValue(3);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.receiver.received())
					.startsWith("firing AgentBudgetExceeded/research-agent"));
			assertThat(JsonPath.<String>read(this.receiver.bodies().get(0), "$.alert.summary"))
				.isEqualTo("research-agent max-tokens 1 > 0");
		});
	}

	// An agent that calls its model again and again, 80 input and 40 output tokens a call
	private void loop(AgentObservations observations, String agent, int calls) {
		observations.agent(agent).observe(() -> {
			for (int i = 0; i < calls; i++) {
				observations.model("openai", "gpt-4o").observe((call) -> {
					this.modelCalls.incrementAndGet();
					call.tokens(80, 40);
					return null;
				});
			}
			return null;
		});
	}

}
