package dev.agentobs.autoconfigure.health;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.agentobs.cost.CostCalculator;
import dev.agentobs.cost.CostTracker;
import dev.agentobs.cost.ModelPrice;
import dev.agentobs.metrics.TagValueLimits;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.stats.MutableClock;
import dev.agentobs.stats.OperationStatistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AgentsHealthIndicator}.
 */
class AgentsHealthIndicatorTests {

	private static final HealthThresholds THRESHOLDS = new HealthThresholds(10, 0.10, Duration.ofSeconds(5), 0.50);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

	private final TagValueLimits limits = new TagValueLimits(100);

	private final CostTracker costTracker = new CostTracker(
			new CostCalculator(Map.of("gpt-4o", ModelPrice.of(2.50, 10.00))), this.limits, this.clock, ZoneOffset.UTC);

	private final OperationStatistics statistics = new OperationStatistics(Duration.ofMinutes(5), this.limits,
			this.clock, null, this.costTracker);

	private final AgentsHealthIndicator indicator = new AgentsHealthIndicator(this.statistics, THRESHOLDS);

	@Test
	void upWithInsufficientDataBelowMinRequests() {
		runs(9, 9, 100);
		Health health = this.indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("requests", 9L)
			.containsEntry("errorRate", 1.0)
			.hasEntrySatisfying("reason", (reason) -> assertThat(reason).asString().startsWith("insufficient data"));
	}

	@Test
	void upWhenErrorsAndLatencyStayBelowTheThresholds() {
		runs(100, 9, 1000);
		Health health = this.indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("successRate", 0.91).doesNotContainKey("reason");
	}

	@Test
	void degradedWhenTheErrorRateReachesTheDegradedThreshold() {
		runs(100, 10, 1000);
		Health health = this.indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(AgentsHealthIndicator.DEGRADED);
		assertThat(health.getDetails()).containsEntry("reason",
				"error rate 0.1 reached monitoring.health.degraded.error-rate 0.1");
	}

	@Test
	void degradedWhenP95ResponseTimeReachesTheThreshold() {
		runs(90, 0, 1000);
		runs(10, 0, 6000);
		Health health = this.indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(AgentsHealthIndicator.DEGRADED);
		assertThat(health.getDetails()).hasEntrySatisfying("reason",
				(reason) -> assertThat(reason).asString().startsWith("p95 response time PT6"));
	}

	@Test
	void downWhenTheErrorRateReachesTheDownThreshold() {
		runs(100, 50, 1000);
		assertThat(this.indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void transitionsBackToUpOnceFailuresLeaveTheWindow() {
		runs(20, 20, 1000);
		assertThat(this.indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
		this.clock.advance(Duration.ofMinutes(3));
		runs(40, 5, 1000);
		assertThat(this.indicator.health(true).getStatus()).isEqualTo(AgentsHealthIndicator.DEGRADED);
		// The 20 failures have left the window, 5 of 40 remain
		this.clock.advance(Duration.ofMinutes(3));
		assertThat(this.indicator.health(true).getStatus()).isEqualTo(AgentsHealthIndicator.DEGRADED);
		runs(60, 0, 1000);
		assertThat(this.indicator.health(true).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void detailsHoldEverythingAnOnCallEngineerLooksFor() {
		this.clock.advance(Duration.ofMinutes(90));
		record(AgentOperation.agentRun("research-agent")
			.duration(Duration.ofMillis(1250))
			.error(new IllegalStateException("provider said: invalid api_key=sk-secret-1234567890abcd"))
			.build());
		record(AgentOperation.modelCall("openai", "gpt-4o").tokens(1_000_000, 100_000).build());
		record(AgentOperation.toolCall("web_search").duration(Duration.ofMillis(80)).build());

		Map<String, Object> details = this.indicator.health(true).getDetails();
		assertThat(details).containsOnlyKeys("reason", "uptime", "window", "requests", "successRate", "errorRate",
				"averageResponseTime", "p95ResponseTime", "activeRuns", "recentErrors", "agents", "models", "tools",
				"tokens", "costToday", "alerts");
		assertThat(details).containsEntry("uptime", "PT1H30M")
			.containsEntry("window", "PT5M")
			.containsEntry("requests", 3L)
			.containsEntry("activeRuns", 0)
			.containsEntry("costToday", 3.5)
			.containsEntry("alerts", List.of())
			.containsEntry("tokens", Map.of("window", Map.of("input", 1_000_000L, "output", 100_000L), "today",
					Map.of("input", 1_000_000L, "output", 100_000L)));
		assertThat(details.get("recentErrors")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.singleElement()
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("operation", "agent.run")
			.containsEntry("name", "research-agent")
			.containsEntry("type", IllegalStateException.class.getName())
			.containsEntry("message", "provider said: invalid api_key=****");
		assertThat(details.get("agents")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.extractingByKey("research-agent")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("requests", 1L)
			.containsEntry("errorRate", 1.0)
			.containsEntry("averageResponseTime", "PT1.25S")
			.containsEntry("activeRuns", 0);
		assertThat(details.get("tools")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.extractingByKey("web_search")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("requests", 1L)
			.doesNotContainKey("inputTokens");
		assertThat(details.get("models")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsKey("gpt-4o");
	}

	@Test
	void detailsShowTheFiveLatestErrors() {
		for (int i = 0; i < 8; i++) {
			this.clock.advance(Duration.ofSeconds(1));
			record(AgentOperation.toolCall("web_search").error(new IllegalStateException("failure " + i)).build());
		}
		List<?> errors = (List<?>) this.indicator.health(true).getDetails().get("recentErrors");
		assertThat(errors).extracting((error) -> (Object) ((Map<?, ?>) error).get("message"))
			.containsExactly("failure 7", "failure 6", "failure 5", "failure 4", "failure 3");
	}

	@Test
	void unpricedModelsAreNamedBesideTheKnownCost() {
		record(AgentOperation.modelCall("ollama", "llama3").tokens(1000, 100).build());
		assertThat(this.indicator.health(true).getDetails()).containsEntry("costToday", 0.0)
			.containsEntry("unpricedModels", List.of("llama3"));
	}

	@Test
	void downThresholdBelowTheDegradedOneIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HealthThresholds(10, 0.30, Duration.ofSeconds(5), 0.20))
			.withMessage("downErrorRate must be at least the degraded error rate (0.3): agents get DEGRADED before "
					+ "they go DOWN, was 0.2");
	}

	private void record(AgentOperation operation) {
		this.statistics.accept(operation);
		this.costTracker.accept(operation);
	}

	private void runs(int count, int failures, long millis) {
		for (int i = 0; i < count; i++) {
			record(AgentOperation.agentRun("research-agent")
				.duration(Duration.ofMillis(millis))
				.errorType((i < failures) ? "timeout" : null)
				.build());
		}
	}

}
