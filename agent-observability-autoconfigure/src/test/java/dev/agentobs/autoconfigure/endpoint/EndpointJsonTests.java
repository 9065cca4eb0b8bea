package dev.agentobs.autoconfigure.endpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import dev.agentobs.cost.ModelPrice;
import dev.agentobs.internal.alert.AlertAudience;
import dev.agentobs.internal.alert.AlertEvaluator;
import dev.agentobs.internal.alert.AlertThresholds;
import dev.agentobs.internal.alert.PrometheusRuleGenerator;
import dev.agentobs.internal.alert.RunbookLinks;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.cost.CostTracker;
import dev.agentobs.internal.cost.PriceCatalogue;
import dev.agentobs.internal.cost.PriceCatalogues;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.internal.stats.OperationStatistics;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.stats.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON of {@code /actuator/agents} and {@code /actuator/agentalerts} is exactly the
 * documented one, written by a plain JSON mapper: nothing depends on the actuator's own
 * mapper leaving out nulls.
 */
class EndpointJsonTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

	private final TagValueLimits limits = new TagValueLimits(100);

	private final PriceCatalogue catalogue = PriceCatalogues.read("classpath:dev/agentobs/cost/model-prices.json", """
			{ "catalogue_metadata": { "source": "LiteLLM model_prices_and_context_window.json",
			    "url": "https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json",
			    "date": "2026-08-01" },
			  "gpt-4o": { "input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05 },
			  "gpt-4o-mini": { "input_cost_per_token": 1.5e-07, "output_cost_per_token": 6e-07 } }
			""");

	private final CostTracker costTracker = new CostTracker(
			new CostCalculator(Map.of("gpt-4o-mini", ModelPrice.of(0.15, 0.60)), this.catalogue, Map.of()), this.limits,
			this.clock, ZoneOffset.UTC);

	private final OperationStatistics statistics = new OperationStatistics(Duration.ofMinutes(5), this.limits,
			this.clock, null, this.costTracker);

	private final AlertThresholds thresholds = new AlertThresholds(0.10, Duration.ofSeconds(5), 10, 10.0, 2_000_000, 0.8);

	private final JsonMapper json = new JsonMapper();

	@BeforeEach
	void recordFailingRunsAnUnpricedModelAndTools() {
		this.clock.advance(Duration.ofMinutes(90));
		for (int i = 0; i < 12; i++) {
			record(AgentOperation.agentRun("research-agent")
				.duration(Duration.ofMillis(1250))
				.error(new IllegalStateException("provider said: invalid api_key=sk-secret-1234567890abcd"))
				.build());
		}
		record(AgentOperation.modelCall("openai", "gpt-4o").tokens(1_000_000, 100_000).build());
		record(AgentOperation.modelCall("ollama", "llama3").tokens(1000, 100).build());
		record(AgentOperation.toolCall("web_search").duration(Duration.ofMillis(80)).build());
		record(AgentOperation.toolCall("fetch").error(new IllegalStateException("boom")).build());
	}

	@Test
	void agentsJsonIsUnchanged() throws IOException {
		assertThat(this.json.writeValueAsString(new AgentsEndpoint(this.statistics, this.catalogue.sources()).agents()))
			.isEqualTo(expected("agents.json"));
	}

	@Test
	void oneAgentJsonIsUnchanged() throws IOException {
		assertThat(this.json.writeValueAsString(new AgentsEndpoint(this.statistics).agent("research-agent")))
			.isEqualTo(expected("agent.json"));
	}

	@Test
	void agentAlertsJsonIsUnchanged() throws IOException {
		AlertEvaluator evaluator = new AlertEvaluator(this.statistics,
				List.of(new AlertAudience("default", this.thresholds, List.of())), 10, Duration.ofMinutes(30),
				Duration.ZERO, this.clock);
		evaluator.evaluate();
		AgentAlertsEndpoint endpoint = new AgentAlertsEndpoint(evaluator, this.thresholds,
				new PrometheusRuleGenerator("agent-observability", Duration.ofMinutes(5), 10, Duration.ofMinutes(2),
						"research-assistant", RunbookLinks.NONE));
		assertThat(this.json.writeValueAsString(endpoint.alerts())).isEqualTo(expected("agentalerts.json"));
	}

	private void record(AgentOperation operation) {
		this.statistics.accept(operation);
		this.costTracker.accept(operation);
	}

	private static String expected(String name) throws IOException {
		return new ClassPathResource(name, EndpointJsonTests.class).getContentAsString(StandardCharsets.UTF_8).strip();
	}

}
