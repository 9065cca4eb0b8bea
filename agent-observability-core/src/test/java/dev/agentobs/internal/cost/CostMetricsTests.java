package dev.agentobs.internal.cost;

import java.util.Map;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.agentobs.cost.ModelPrice;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.operation.AgentOperation;

import static dev.agentobs.internal.cost.CostCalculatorTests.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CostMetrics}, on a real Prometheus registry.
 */
class CostMetricsTests {

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final CostMetrics metrics = new CostMetrics(this.registry,
			new CostCalculator(Map.of("gpt-4o", ModelPrice.of(2.50, 10.00))), new TagValueLimits(100));

	@Test
	void costOfModelCallsIsCountedByProviderModelAndAgent() {
		this.metrics.accept(call("gpt-4o", 1_000_000, 0, 100_000));
		this.metrics.accept(call("gpt-4o", 1_000_000, 0, 100_000));
		this.metrics.accept(AgentOperation.modelCall("openai", "gpt-4o").tokens(400_000, 0).build());
		assertThat(this.registry.scrape())
			.contains("# TYPE gen_ai_client_cost_usd_total counter")
			.contains("gen_ai_client_cost_usd_total{gen_ai_agent_name=\"research-agent\","
					+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 7.0")
			.contains("gen_ai_client_cost_usd_total{gen_ai_agent_name=\"unknown\","
					+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 1.0");
	}

	@Test
	void modelsWithoutPriceAddNothing() {
		this.metrics.accept(call("llama3", 1_000_000, 0, 100_000));
		assertThat(this.registry.scrape()).doesNotContain("gen_ai_client_cost_usd_total");
	}

}
