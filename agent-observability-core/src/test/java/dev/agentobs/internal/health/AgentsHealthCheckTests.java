package dev.agentobs.internal.health;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import dev.agentobs.cost.ModelPrice;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.cost.CostTracker;
import dev.agentobs.internal.health.AgentsHealth.AgentWindow;
import dev.agentobs.internal.health.AgentsHealth.Status;
import dev.agentobs.internal.health.AgentsHealth.TokenCount;
import dev.agentobs.internal.health.AgentsHealth.Tokens;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.internal.report.OperationSummaryDescriptor;
import dev.agentobs.internal.report.RecentErrorDescriptor;
import dev.agentobs.internal.stats.OperationStatistics;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.ResponseStream;
import dev.agentobs.stats.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AgentsHealthCheck}.
 */
class AgentsHealthCheckTests {

	private static final HealthThresholds THRESHOLDS = new HealthThresholds(10, 0.10, Duration.ofSeconds(5), 0.50);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

	private final TagValueLimits limits = new TagValueLimits(100);

	private final CostTracker costTracker = new CostTracker(
			new CostCalculator(Map.of("gpt-4o", ModelPrice.of(2.50, 10.00))), this.limits, this.clock, ZoneOffset.UTC);

	private final OperationStatistics statistics = new OperationStatistics(Duration.ofMinutes(5), this.limits,
			this.clock, null, this.costTracker);

	private final AgentsHealthCheck check = new AgentsHealthCheck(this.statistics, THRESHOLDS, List::of);

	@Test
	void upWithInsufficientDataBelowMinRequests() {
		runs(9, 9, 100);
		AgentsHealth health = this.check.check();
		assertThat(health.status()).isEqualTo(Status.UP);
		assertThat(health.details()).containsEntry("requests", 9L).containsEntry("errorRate", 1.0);
		assertThat(health.reason()).startsWith("insufficient data");
	}

	@Test
	void upWhenErrorsAndLatencyStayBelowTheThresholds() {
		runs(100, 9, 1000);
		AgentsHealth health = this.check.check();
		assertThat(health.status()).isEqualTo(Status.UP);
		assertThat(health.details()).containsEntry("successRate", 0.91).doesNotContainKey("reason");
		assertThat(health.reason()).isNull();
	}

	@Test
	void degradedWhenTheErrorRateReachesTheDegradedThreshold() {
		runs(100, 10, 1000);
		AgentsHealth health = this.check.check();
		assertThat(health.status()).isEqualTo(Status.DEGRADED);
		assertThat(health.reason()).isEqualTo("error rate 0.1 reached monitoring.health.degraded.error-rate 0.1");
	}

	@Test
	void degradedWhenP95ResponseTimeReachesTheThreshold() {
		runs(90, 0, 1000);
		runs(10, 0, 6000);
		AgentsHealth health = this.check.check();
		assertThat(health.status()).isEqualTo(Status.DEGRADED);
		assertThat(health.reason()).startsWith("p95 response time PT6");
	}

	@Test
	void downWhenTheErrorRateReachesTheDownThreshold() {
		runs(100, 50, 1000);
		assertThat(this.check.check().status()).isEqualTo(Status.DOWN);
	}

	@Test
	void transitionsBackToUpOnceFailuresLeaveTheWindow() {
		runs(20, 20, 1000);
		assertThat(this.check.check().status()).isEqualTo(Status.DOWN);
		this.clock.advance(Duration.ofMinutes(3));
		runs(40, 5, 1000);
		assertThat(this.check.check().status()).isEqualTo(Status.DEGRADED);
		// The 20 failures have left the window, 5 of 40 remain
		this.clock.advance(Duration.ofMinutes(3));
		assertThat(this.check.check().status()).isEqualTo(Status.DEGRADED);
		runs(60, 0, 1000);
		assertThat(this.check.check().status()).isEqualTo(Status.UP);
	}

	@Test
	void detailsHoldEverythingAnOnCallEngineerLooksFor() {
		this.clock.advance(Duration.ofMinutes(90));
		record(AgentOperation.agentRun("research-agent")
			.duration(Duration.ofMillis(1250))
			.error(new IllegalStateException("provider said: invalid api_key=sk-secret-1234567890abcd"))
			.build());
		record(AgentOperation.modelCall("openai", "gpt-4o")
			.tokens(1_000_000, 100_000)
			.cacheReadTokens(600_000)
			.reasoningTokens(20_000)
			.stream(new ResponseStream(40, Duration.ofMillis(700), Duration.ofMillis(1100)))
			.build());
		record(AgentOperation.toolCall("web_search").duration(Duration.ofMillis(80)).build());

		AgentsHealth health = this.check.check();
		assertThat(health.reason()).startsWith("insufficient data");
		Map<String, Object> details = health.details();
		assertThat(details).containsOnlyKeys("uptime", "window", "requests", "successRate", "errorRate",
				"averageResponseTime", "p95ResponseTime", "activeRuns", "recentErrors", "agents", "models", "tools",
				"tokens", "costToday", "alerts");
		assertThat(details).containsEntry("uptime", "PT1H30M")
			.containsEntry("window", "PT5M")
			.containsEntry("requests", 3L)
			.containsEntry("activeRuns", 0)
			.containsEntry("costToday", 3.5)
			.containsEntry("alerts", List.of())
			.containsEntry("tokens", new Tokens(new TokenCount(1_000_000L, 100_000L, 600_000L, null, 20_000L),
					new TokenCount(1_000_000L, 100_000L)));
		assertThat(details.get("models"))
			.asInstanceOf(InstanceOfAssertFactories.map(String.class, OperationSummaryDescriptor.class))
			.extractingByKey("gpt-4o")
			.satisfies((model) -> {
				assertThat(model.cacheReadTokens()).isEqualTo(600_000L);
				assertThat(model.cacheWriteTokens()).isNull();
				assertThat(model.reasoningTokens()).isEqualTo(20_000L);
				assertThat(model.firstChunks()).isEqualTo(1L);
				assertThat(model.p95TimeToFirstChunk()).isEqualTo("PT0.7S");
			});
		assertThat(details.get("recentErrors")).asInstanceOf(InstanceOfAssertFactories.list(RecentErrorDescriptor.class))
			.singleElement()
			.satisfies((error) -> {
				assertThat(error.operation()).isEqualTo("agent.run");
				assertThat(error.name()).isEqualTo("research-agent");
				assertThat(error.type()).isEqualTo(IllegalStateException.class.getName());
				assertThat(error.message()).isEqualTo("provider said: invalid api_key=****");
			});
		assertThat(details.get("agents")).asInstanceOf(InstanceOfAssertFactories.map(String.class, AgentWindow.class))
			.extractingByKey("research-agent")
			.satisfies((agent) -> {
				assertThat(agent.requests()).isEqualTo(1L);
				assertThat(agent.errorRate()).isEqualTo(1.0);
				assertThat(agent.averageResponseTime()).isEqualTo("PT1.25S");
				assertThat(agent.activeRuns()).isEqualTo(0);
			});
		assertThat(details.get("tools"))
			.asInstanceOf(InstanceOfAssertFactories.map(String.class, OperationSummaryDescriptor.class))
			.extractingByKey("web_search")
			.satisfies((tool) -> {
				assertThat(tool.requests()).isEqualTo(1L);
				assertThat(tool.inputTokens()).isNull();
			});
		assertThat(details.get("models")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsKey("gpt-4o");
	}

	@Test
	void detailsShowTheFiveLatestErrors() {
		for (int i = 0; i < 8; i++) {
			this.clock.advance(Duration.ofSeconds(1));
			record(AgentOperation.toolCall("web_search").error(new IllegalStateException("failure " + i)).build());
		}
		assertThat(this.check.check().details().get("recentErrors"))
			.asInstanceOf(InstanceOfAssertFactories.list(RecentErrorDescriptor.class))
			.extracting(RecentErrorDescriptor::message)
			.containsExactly("failure 7", "failure 6", "failure 5", "failure 4", "failure 3");
	}

	@Test
	void unpricedModelsAreNamedBesideTheKnownCost() {
		record(AgentOperation.modelCall("ollama", "llama3").tokens(1000, 100).build());
		assertThat(this.check.check().details()).containsEntry("costToday", 0.0)
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
