package dev.agentobs.test;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.AgentCostAutoConfiguration;
import dev.agentobs.autoconfigure.AgentObservationAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.internal.cost.CostMetrics;

import static dev.agentobs.test.AgentObservabilityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code withCostAtMost} and {@code gen_ai_client_cost_usd_total} price a run the same way,
 * cached input tokens included.
 */
class CostAssertionAgreesWithCostCounterTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
				AgentObservationAutoConfiguration.class, AgentCostAutoConfiguration.class,
				AgentObservabilityTestAutoConfiguration.class))
		.withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
		.withPropertyValues("monitoring.cost.models.gpt-4o.input=2.50", "monitoring.cost.models.gpt-4o.output=10.00",
				"monitoring.cost.models.gpt-4o.cached-input=0.25");

	@Test
	void cachedInputTokensCostTheCachedPriceInTheAssertionAsInTheCounter() {
		this.contextRunner.run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			observations.agent("research-agent")
				.observe(() -> observations.model("openai", "gpt-4o")
					.observe((call) -> call.tokens(1_000, 200).cachedInputTokens(800)));
			// 200 input tokens at 2.50, 800 cached at 0.25 and 200 output at 10.00 USD per million
			double counted = context.getBean(PrometheusMeterRegistry.class).get(CostMetrics.COST).counter().count();
			assertThat(counted).isCloseTo(0.0027, within(1e-12));
			assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
				.contains("gen_ai_client_cost_usd_total{gen_ai_agent_name=\"research-agent\","
						+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 0.0027");
			RecordedAgentOperations recorded = context.getBean(RecordedAgentOperations.class);
			assertThat(recorded).hasAgentRun("research-agent").withCostAtMost(counted);
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded).hasAgentRun("research-agent").withCostAtMost(0.0026))
				.withMessageContaining("but it cost 0.0027 USD");
		});
	}

}
