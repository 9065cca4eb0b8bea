package dev.agentobs.internal.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.agentobs.cost.AgentBudget;
import dev.agentobs.cost.AgentBudgetExceededException;
import dev.agentobs.cost.ModelPrice;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.cost.CostTracker;
import dev.agentobs.internal.cost.RunLedgers;
import dev.agentobs.internal.health.AgentsHealth;
import dev.agentobs.internal.health.AgentsHealthCheck;
import dev.agentobs.internal.health.HealthThresholds;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.internal.runs.RecentRuns;
import dev.agentobs.internal.runs.RunOrder;
import dev.agentobs.internal.stats.ActiveAgentRuns;
import dev.agentobs.internal.stats.OperationStatistics;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.OperationBuilder;
import dev.agentobs.operation.ResponseStream;
import dev.agentobs.stats.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Dashboard} and its page: what it shows, and that names chosen by a model
 * are shown as text, never run.
 */
class DashboardTests {

	private static final String HOSTILE_AGENT = "<script>alert('agent')</script>";

	private static final String HOSTILE_TOOL = "\"><img src=x onerror=alert(1)>";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

	private final TagValueLimits limits = new TagValueLimits(100);

	private final CostCalculator costs = new CostCalculator(Map.of("gpt-4o", ModelPrice.of(2.50, 10.00)));

	private final CostTracker costTracker = new CostTracker(this.costs, this.limits, this.clock, ZoneId.of("UTC"));

	private final OperationStatistics statistics = new OperationStatistics(Duration.ofMinutes(5), this.limits,
			this.clock, new ActiveAgentRuns(this.limits), this.costTracker);

	private final RecentRuns runs = new RecentRuns(10, 50, this.costs);

	private final AgentsHealthCheck health = new AgentsHealthCheck(this.statistics,
			new HealthThresholds(10, 0.10, Duration.ofSeconds(5), 0.50), List::of);

	private final Dashboard dashboard = new Dashboard(this.statistics, () -> {
		AgentsHealth agents = this.health.check();
		return new Dashboard.Status(agents.status().name(), agents.reason());
	}, List::of, this.runs);

	@Test
	void pageShowsEveryNameAsTextAndRunsNone() {
		record(op(AgentOperation.toolCall(HOSTILE_TOOL), "run\"><b>1", 2, 1, 0, 5)
			.error(new IllegalStateException("<iframe src=javascript:alert(2)>"))
			.build());
		record(op(AgentOperation.agentRun(HOSTILE_AGENT), "run\"><b>1", 1, 0, 0, 10).build());

		String page = this.dashboard.page(Dashboard.View.of(null, null, null, "run\"><b>1"), "agentdashboard/");

		assertThat(page).contains("&lt;script&gt;alert(&#39;agent&#39;)&lt;/script&gt;")
			.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
			.contains("&lt;iframe src=javascript:alert(2)&gt;")
			.doesNotContain("<img", "<iframe", "<b>", "<script>");
		// The only script is the dashboard's own
		assertThat(page.split("<script", -1)).hasSize(2);
		assertThat(page).contains("<script src=\"agentdashboard/dashboard.js\" defer></script>");
		// A run id goes into a link URL-encoded, then escaped
		assertThat(page).contains("href=\"?run=run%22%3E%3Cb%3E1\"");
	}

	@Test
	void pageShowsTheFiguresWithoutJavaScript() {
		this.clock.advance(Duration.ofMinutes(1));
		record(op(AgentOperation.modelCall("openai", "gpt-4o"), "run-1", 3, 2, 1, 300).tokens(1000, 100).build());
		record(op(AgentOperation.agentRun("fact-checker"), "sub-1", 5, 4, 400, 80).build());
		record(op(AgentOperation.toolCall("fact_check"), "run-1", 4, 2, 390, 100).build());
		record(op(AgentOperation.agentStep("research-agent", 1), "run-1", 2, 1, 0, 500).build());
		record(op(AgentOperation.agentRun("research-agent"), "run-1", 1, 0, 0, 1000).build());

		String page = this.dashboard.page(Dashboard.View.of(null, null, null, "run-1"), "agentdashboard/");

		assertThat(page).contains("<span id=\"status\" class=\"pill up\" role=\"status\">UP</span>")
			.contains("<th scope=\"row\">research-agent</th><td>1</td><td>100.0%</td>")
			.contains("<th scope=\"row\">gpt-4o</th><td>1</td><td>100.0%</td><td>300 ms</td><td>1,000</td><td>100</td>"
					+ "<td>$0.0035</td>")
			.contains("<div class=\"tile\" id=\"t-cost\"><dt>Cost today</dt><dd class=\"value\">$0.0035</dd>")
			.contains("<div class=\"tile\" id=\"t-ttfc\"><dt>Time to first chunk</dt>")
			.contains("data-run-id=\"run-1\">research-agent</a>")
			.contains("<h2 id=\"run-title\">Run of <span class=\"name\">research-agent</span></h2>");
		// The waterfall nests as the run did: the sub-agent inside the tool call inside the step
		assertThat(page).containsPattern("(?s)<li data-kind=\"agent_step\" data-depth=\"1\">.*"
				+ "<li data-kind=\"tool_call\" data-depth=\"2\">.*<span class=\"name\">fact_check</span>.*"
				+ "<li data-kind=\"agent_run\" data-depth=\"3\">.*<span class=\"name\">fact-checker</span>");
		assertThat(page).contains("<span class=\"bar\" style=\"left:0.00%;width:100.00%\"></span>")
			.contains("<span class=\"bar\" style=\"left:39.00%;width:10.00%\"></span>");
	}

	@Test
	void firstChunkTileShowsTheSlowestStreamedModel() {
		String before = this.dashboard.page(Dashboard.View.of(null, null, null, null), "agentdashboard/");
		assertThat(before).contains("<div class=\"tile\" id=\"t-ttfc\"><dt>Time to first chunk</dt>"
				+ "<dd class=\"value\">\u2013</dd><dd class=\"note\">no streamed model call in the last 5m</dd>");
		record(op(AgentOperation.modelCall("openai", "gpt-4o"), "run-1", 2, 1, 0, 900)
			.stream(new ResponseStream(5, Duration.ofMillis(400), Duration.ofMillis(850)))
			.build());
		record(op(AgentOperation.modelCall("openai", "gpt-4o-mini"), "run-1", 3, 1, 0, 300)
			.stream(new ResponseStream(5, Duration.ofMillis(120), Duration.ofMillis(280)))
			.build());

		String page = this.dashboard.page(Dashboard.View.of(null, null, null, null), "agentdashboard/");

		assertThat(page).contains("<div class=\"tile\" id=\"t-ttfc\"><dt>Time to first chunk</dt>"
				+ "<dd class=\"value\">400 ms</dd><dd class=\"note\">p95 of gpt-4o</dd>");
	}

	@Test
	void budgetsTileSaysWhenNoneIsConfigured() {
		RunLedgers ledgers = new RunLedgers(Map.of(), true, () -> this.costs, () -> null, List::of, this.clock,
				ZoneId.of("UTC"));
		Dashboard dashboard = new Dashboard(this.statistics, () -> new Dashboard.Status("UP", null), List::of, this.runs,
				ledgers);

		assertThat(dashboard.page(Dashboard.View.of(null, null, null, null), "agentdashboard/"))
			.contains("<div class=\"tile\" id=\"t-budgets\"><dt>Budgets</dt><dd class=\"value\">\u2013</dd>"
					+ "<dd class=\"note\">none configured</dd>");
	}

	@Test
	void budgetsTileShowsTheStopsAndTheAgentNearestItsDailyCost() {
		RunLedgers ledgers = new RunLedgers(
				Map.of("research-agent", AgentBudget.unlimited().maxModelCalls(1).dailyCost(20.00), "support-agent",
						AgentBudget.unlimited().dailyCost(5.00)),
				true, () -> this.costs, () -> null, List::of, this.clock, ZoneId.of("UTC"));
		Dashboard dashboard = new Dashboard(this.statistics, () -> new Dashboard.Status("UP", null), List::of, this.runs,
				ledgers);
		// research-agent: $4.50 of $20.00 spent, then stopped by its one model call;
		// support-agent: $2.50 of $5.00, the higher share of its day
		ledgers.started("research-agent", "run-1", null, null, null);
		ledgers.accept(op(AgentOperation.modelCall("openai", "gpt-4o"), "run-1", 2, 1, 0, 300)
			.tokens(1_000_000, 200_000)
			.build());
		assertThatExceptionOfType(AgentBudgetExceededException.class).isThrownBy(() -> ledgers.check("run-1"));
		ledgers.started("support-agent", "run-2", null, null, null);
		ledgers.accept(op(AgentOperation.modelCall("openai", "gpt-4o"), "run-2", 2, 1, 0, 300).tokens(1_000_000, 0)
			.build());

		String page = dashboard.page(Dashboard.View.of(null, null, null, null), "agentdashboard/");

		assertThat(page).contains("<div class=\"tile\" id=\"t-budgets\"><dt>Budgets</dt><dd class=\"value\">1</dd>"
				+ "<dd class=\"note\">runs stopped (enforce) \u00b7 support-agent $2.50 of $5.00 today</dd>");
		// The script draws the same tile from the same figures in the JSON
		String json = JsonMapper.shared()
			.writeValueAsString(dashboard.describe(Dashboard.View.of(null, null, null, null)));
		assertThat(json).contains("\"budgets\":{\"mode\":\"enforce\",\"agents\":{\"research-agent\":{\"limits\":"
				+ "{\"daily-cost\":20.0,\"max-model-calls\":1},\"stops\":{\"max-model-calls\":1},\"todayCost\":4.5}")
			.contains("\"support-agent\":{\"limits\":{\"daily-cost\":5.0},\"stops\":{},\"todayCost\":2.5}")
			.contains("\"lastStop\":{\"agent\":\"research-agent\",\"runId\":\"run-1\",\"limit\":\"max-model-calls\"");
	}

	@Test
	void descriptorFiltersTheRunsAndOpensOne() {
		record(op(AgentOperation.agentRun("research-agent"), "run-1", 1, 0, 0, 10).build());
		record(op(AgentOperation.agentRun("support-agent"), "run-2", 2, 0, 20, 50).errorType("rate_limited").build());
		DashboardDescriptor failed = this.dashboard.describe(Dashboard.View.of(null, true, null, "run-1"));
		assertThat(failed.runs().runs()).extracting(RunSummaryDescriptor::runId).containsExactly("run-2");
		assertThat(failed.run().run().runId()).isEqualTo("run-1");
		DashboardDescriptor slowest = this.dashboard.describe(Dashboard.View.of(" ", null, "SLOWEST", null));
		assertThat(slowest.runs().order()).isEqualTo(RunOrder.SLOWEST.toString());
		assertThat(slowest.run()).isNull();
		// A page is lenient: an order it does not know lists the newest first
		assertThat(Dashboard.View.of(null, null, "cheapest", null).order()).isEqualTo(RunOrder.RECENT);
		assertThat(failed.status()).isEqualTo("UP");
		assertThat(failed.statusReason()).startsWith("insufficient data");
		assertThat(failed.alerts()).isEmpty();
	}

	@Test
	void assetsAreServedWithTheirMediaTypes() {
		assertThat(DashboardPage.asset(DashboardPage.SCRIPT)).contains("textContent").doesNotContain("innerHTML");
		assertThat(DashboardPage.mediaType(DashboardPage.SCRIPT)).isEqualTo("text/javascript");
		assertThat(DashboardPage.asset(DashboardPage.STYLE_SHEET)).contains("prefers-color-scheme: dark");
		assertThat(DashboardPage.mediaType(DashboardPage.STYLE_SHEET)).isEqualTo("text/css");
		assertThat(DashboardPage.asset("../secret.txt")).isNull();
	}

	private void record(AgentOperation operation) {
		this.costTracker.accept(operation);
		this.statistics.accept(operation);
		this.runs.accept(operation);
	}

	private <B extends OperationBuilder<B, ?>> B op(B builder, String runId, long operationId, long parent,
			long startMillis, long millis) {
		return builder.runId(runId)
			.operationIds(operationId, parent)
			.endTime(this.clock.instant().plusMillis(startMillis + millis))
			.duration(Duration.ofMillis(millis));
	}

}
