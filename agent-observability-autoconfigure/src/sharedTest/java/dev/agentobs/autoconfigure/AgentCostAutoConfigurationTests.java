package dev.agentobs.autoconfigure;

import java.time.ZoneId;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.cost.ModelPrice;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.cost.CostMetrics;
import dev.agentobs.internal.cost.CostTracker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentCostAutoConfiguration}.
 */
class AgentCostAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
				AgentObservationAutoConfiguration.class, AgentCostAutoConfiguration.class))
		.withPropertyValues("monitoring.logging.events=false");

	@Test
	void pricesBindFromPropertiesInEveryNotation() {
		this.contextRunner
			.withPropertyValues("monitoring.cost.models.gpt-4o.input=2.50", "monitoring.cost.models.gpt-4o.output=10",
					"monitoring.cost.models.gpt-4o.cached-input=1.25",
					"monitoring.cost.models[gemini-2.5-pro].input=1.25",
					"monitoring.cost.models[gemini-2.5-pro].output=10",
					"monitoring.cost.models.claude-sonnet-4.input=3",
					"monitoring.cost.models.claude-sonnet-4.output=15",
					"monitoring.cost.models.claude-sonnet-4.cached_input=0.30")
			.run((context) -> {
				CostCalculator calculator = context.getBean(CostCalculator.class);
				assertThat(calculator.priceOf("gpt-4o")).isEqualTo(new ModelPrice(2.50, 10, 1.25));
				assertThat(calculator.priceOf("gemini-2.5-pro")).isEqualTo(ModelPrice.of(1.25, 10));
				assertThat(calculator.priceOf("claude-sonnet-4")).isEqualTo(new ModelPrice(3, 15, 0.30));
			});
	}

	@Test
	void priceWithoutOutputFailsStartUpNamingTheKey() {
		this.contextRunner.withPropertyValues("monitoring.cost.models.gpt-4o.input=2.50").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.cost.models.gpt-4o.output", "Value: \"null\"",
						"Reason: output must be set when a model has a price: USD per million output tokens");
		});
	}

	@Test
	void negativePriceFailsStartUpNamingTheKey() {
		this.contextRunner.withPropertyValues("monitoring.cost.models.gpt-4o.input=-1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.cost.models.gpt-4o.input", "Value: \"-1.0\"",
						"Reason: input must be 0 or more USD per million tokens, such as 2.50, was -1.0")
				.doesNotContain("observationRegistry");
		});
	}

	@Test
	void dayIsUtcUnlessAZoneIsSet() {
		this.contextRunner.run((context) -> assertThat(context.getBean(CostTracker.class).today().zone())
			.isEqualTo(ZoneId.of("UTC")));
		this.contextRunner.withPropertyValues("monitoring.cost.zone=Europe/Paris")
			.run((context) -> assertThat(context.getBean(CostTracker.class).today().zone())
				.isEqualTo(ZoneId.of("Europe/Paris")));
	}

	@Test
	void costCounterIsRegisteredWhenThereIsAMeterRegistry() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.metrics()))
			.withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
			.withPropertyValues("monitoring.cost.models.gpt-4o.input=2.50", "monitoring.cost.models.gpt-4o.output=10")
			.run((context) -> {
				AgentObservations observations = context.getBean(AgentObservations.class);
				observations.agent("research-agent")
					.observe(() -> observations.model("openai", "gpt-4o")
						.observe((call) -> call.tokens(1_000_000, 100_000)));
				assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
					.contains("gen_ai_client_cost_usd_total{gen_ai_agent_name=\"research-agent\","
							+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 3.5");
				assertThat(context.getBean(CostTracker.class).today().cost()).isEqualTo(3.5);
			});
	}

	@Test
	void noCostCounterWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(CostTracker.class);
			assertThat(context).doesNotHaveBean(CostMetrics.class);
		});
	}

	@Test
	void noCostCounterWithoutMicrometerCore() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(CostTracker.class);
			assertThat(context).doesNotHaveBean(CostMetrics.class);
		});
	}

	@Test
	void userCalculatorIsUsed() {
		CostCalculator calculator = new CostCalculator(Map.of());
		this.contextRunner.withBean(CostCalculator.class, () -> calculator)
			.withPropertyValues("monitoring.cost.models.gpt-4o.input=2.50", "monitoring.cost.models.gpt-4o.output=10")
			.run((context) -> assertThat(context.getBean(CostCalculator.class)).isSameAs(calculator));
	}

	@Test
	void nothingWhenMonitoringIsDisabled() {
		this.contextRunner.withPropertyValues("monitoring.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(CostCalculator.class);
			assertThat(context).doesNotHaveBean(CostTracker.class);
		});
	}

}
