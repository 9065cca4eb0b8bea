package dev.agentobs.autoconfigure.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.io.ClassPathResource;

import dev.agentobs.cost.ModelPrice;
import dev.agentobs.internal.alert.AlertAudience;
import dev.agentobs.internal.alert.AlertEvaluator;
import dev.agentobs.internal.alert.AlertThresholds;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.cost.CostTracker;
import dev.agentobs.internal.health.AgentsHealthCheck;
import dev.agentobs.internal.health.HealthThresholds;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.internal.stats.OperationStatistics;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.stats.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentsHealthIndicator}: the core's verdict as Spring Boot's health.
 */
class AgentsHealthIndicatorTests {

	private static final HealthThresholds THRESHOLDS = new HealthThresholds(10, 0.10, Duration.ofSeconds(5), 0.50);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

	private final TagValueLimits limits = new TagValueLimits(100);

	private final CostTracker costTracker = new CostTracker(
			new CostCalculator(Map.of("gpt-4o", ModelPrice.of(2.50, 10.00))), this.limits, this.clock, ZoneOffset.UTC);

	private final OperationStatistics statistics = new OperationStatistics(Duration.ofMinutes(5), this.limits,
			this.clock, null, this.costTracker);

	private final AgentsHealthIndicator indicator = new AgentsHealthIndicator(
			new AgentsHealthCheck(this.statistics, THRESHOLDS, List::of));

	@Test
	void upWithItsReasonFirstAmongTheDetails() {
		runs(9, 9);
		Health health = this.indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().keySet()).first().isEqualTo("reason");
		assertThat(health.getDetails()).hasEntrySatisfying("reason",
				(reason) -> assertThat(reason).asString().startsWith("insufficient data"));
	}

	@Test
	void upWithoutReasonWhenPlainlyUp() {
		runs(100, 0);
		Health health = this.indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).doesNotContainKey("reason").containsEntry("successRate", 1.0);
	}

	@Test
	void degradedIsItsOwnStatus() {
		runs(100, 10);
		Health health = this.indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(AgentsHealthIndicator.DEGRADED);
		assertThat(health.getDetails()).containsEntry("reason",
				"error rate 0.1 reached monitoring.health.degraded.error-rate 0.1");
	}

	@Test
	void downIsBootsDown() {
		runs(100, 50);
		assertThat(this.indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void detailsAsJsonAreUnchanged() throws IOException {
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
		AlertEvaluator evaluator = new AlertEvaluator(this.statistics,
				List.of(new AlertAudience("default",
						new AlertThresholds(0.10, Duration.ofSeconds(5), 10, 10.0, 2_000_000, 0.8), List.of())),
				10, Duration.ofMinutes(30), Duration.ZERO, this.clock);
		evaluator.evaluate();
		AgentsHealthIndicator indicator = new AgentsHealthIndicator(
				new AgentsHealthCheck(this.statistics, THRESHOLDS, evaluator::firing));
		// A plain mapper: nothing depends on the actuator's own mapper leaving out nulls
		assertThat(new JsonMapper().writeValueAsString(indicator.health(true).getDetails()))
			.isEqualTo(new ClassPathResource("agents-health-details.json", AgentsHealthIndicatorTests.class)
				.getContentAsString(StandardCharsets.UTF_8)
				.strip());
	}

	private void record(AgentOperation operation) {
		this.statistics.accept(operation);
		this.costTracker.accept(operation);
	}

	private void runs(int count, int failures) {
		for (int i = 0; i < count; i++) {
			record(AgentOperation.agentRun("research-agent")
				.duration(Duration.ofMillis(1000))
				.errorType((i < failures) ? "timeout" : null)
				.build());
		}
	}

}
