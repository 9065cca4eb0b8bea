package dev.agentobs.internal.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.agentobs.cost.ModelPrice;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.cost.CostTracker;
import dev.agentobs.internal.cost.PriceCatalogue;
import dev.agentobs.internal.cost.PriceCatalogues;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.internal.stats.ActiveAgentRuns;
import dev.agentobs.internal.stats.OperationStatistics;
import dev.agentobs.observation.AgentRunContext;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.ResponseStream;
import dev.agentobs.stats.MutableClock;
import dev.agentobs.stats.StatisticsSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentsReport}.
 */
class AgentsReportTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

	private final TagValueLimits limits = new TagValueLimits(100);

	private final ActiveAgentRuns activeRuns = new ActiveAgentRuns(this.limits);

	private final PriceCatalogue catalogue = PriceCatalogues.read("file:prices.json", """
			{ "catalogue_metadata": { "source": "Test prices", "date": "2026-08-01" },
			  "claude-sonnet-4-5": { "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05 } }
			""");

	private final CostTracker costTracker = new CostTracker(
			new CostCalculator(Map.of("gpt-4o", ModelPrice.of(2.50, 10.00)), this.catalogue, Map.of()), this.limits,
			this.clock, ZoneId.of("UTC"));

	private final OperationStatistics statistics = new OperationStatistics(Duration.ofMinutes(5), this.limits,
			this.clock, this.activeRuns, this.costTracker);

	private final AgentsReport report = new AgentsReport();

	@Test
	void reportHasTablesOfAgentsModelsToolsAndErrors() {
		this.clock.advance(Duration.ofMinutes(135));
		this.activeRuns.onStart(new AgentRunContext("research-agent"));
		for (int i = 0; i < 40; i++) {
			record(run("research-agent", 1200, (i == 0) ? "timeout" : null));
		}
		record(run("writer-agent", 800, null));
		record(AgentOperation.modelCall("openai", "gpt-4o").runId("r").agentName("research-agent")
			.tokens(1_000_000, 100_000)
			.stream(new ResponseStream(12, Duration.ofMillis(420), Duration.ofMillis(1500)))
			.build());
		record(AgentOperation.modelCall("ollama", "llama3").runId("r").tokens(12_000, 3_400).build());
		record(AgentOperation.modelCall("anthropic", "claude-sonnet-4-5-20250929").runId("r")
			.tokens(100_000, 10_000)
			.build());
		record(AgentOperation.toolCall("web_search").runId("r").duration(Duration.ofMillis(800)).build());
		record(AgentOperation.toolCall("calculator|v2").runId("r")
			.duration(Duration.ofMillis(3))
			.error(new IllegalArgumentException("bad input\nfrom jane@example.com"))
			.build());

		String markdown = this.report.render(this.statistics.snapshot(), this.catalogue.sources());

		assertThat(markdown)
			.startsWith("# Agents report\n\nGenerated at 2026-03-02T12:15:00Z, uptime 2h 15m, window 5m.");
		assertThat(markdown).contains("""
				| | Last 5m | Since start |
				|---|---:|---:|
				| Requests | 41 | 41 |
				| Errors | 1 | 1 |
				| Success | 97.6% | 97.6% |
				""");
		assertThat(markdown).contains("Active runs: 1.");
		assertThat(markdown).contains("""
				## Agent performance (last 5m)

				| Agent | Requests | Success | Avg | p95 | Active runs |
				|---|---:|---:|---:|---:|---:|
				| research-agent | 40 | 97.5% | 1.20 s | 1.20 s | 1 |
				| writer-agent | 1 | 100.0% | 800 ms | 800 ms | 0 |
				""");
		assertThat(markdown).contains("""
				## Models (today, 2026-03-02 UTC)

				Counted by this instance since 2026-03-02T10:00:00Z.

				| Model | Calls | Input tokens | Output tokens | p95 first chunk | Cost | Price |
				|---|---:|---:|---:|---:|---:|---|
				| claude-sonnet-4-5-20250929 | 1 | 100,000 | 10,000 |  | $0.4500 | catalogue claude-sonnet-4-5 |
				| gpt-4o | 1 | 1,000,000 | 100,000 | 420 ms | $3.5000 | configured gpt-4o |
				| llama3 | 1 | 12,000 | 3,400 |  | unknown | unknown |
				| Total | 3 | 1,112,000 | 113,400 |  | at least $3.9500 |  |
				""");
		assertThat(markdown).contains("No price for llama3")
			.contains("Prices: monitoring.cost.models, then file:prices.json (Test prices, 2026-08-01, 1 model).");
		assertThat(markdown).contains("""
				## Tools (last 5m)

				| Tool | Calls | Success | Avg |
				|---|---:|---:|---:|
				| calculator\\|v2 | 1 | 0.0% | 3 ms |
				| web_search | 1 | 100.0% | 800 ms |
				""");
		assertThat(markdown).contains("""
				| 2026-03-02T12:15:00Z | tool.call | calculator\\|v2 | - | java.lang.IllegalArgumentException \
				| bad input from **** |
				""");
		// Every table row has as many cells as its header
		assertThat(markdown.lines().filter((line) -> line.startsWith("|"))).allSatisfy((line) -> assertThat(
				line.replace("\\|", "").chars().filter((c) -> c == '|').count())
			.isBetween(4L, 8L));
	}

	@Test
	void emptySectionsSayNone() {
		String markdown = this.report.render(this.statistics.snapshot(), this.catalogue.sources());
		assertThat(markdown).contains("## Agent performance (last 5m)\n\n_None._\n")
			.contains("## Tools (last 5m)\n\n_None._\n")
			.contains("## Recent errors (last 5m)\n\n_None._\n");
	}

	@Test
	void agentReportShowsOneAgent() {
		record(run("research-agent", 2500, "timeout"));
		record(run("writer-agent", 800, "rate_limited"));
		StatisticsSnapshot snapshot = this.statistics.snapshot();
		String markdown = this.report.renderAgent(snapshot, snapshot.agents().get("research-agent"),
				AgentDescriptor.errorsOf(snapshot, "research-agent"));
		assertThat(markdown).startsWith("# Agent research-agent\n")
			.contains("| Requests | 1 | 1 |")
			.contains("| Avg | 2.50 s | 2.50 s |")
			.contains("| agent.run | research-agent | research-agent | timeout | - |")
			.doesNotContain("rate_limited");
	}

	@Test
	void durationsReadAsPeopleWriteThem() {
		assertThat(AgentsReport.human(Duration.ZERO)).isEqualTo("0 ms");
		assertThat(AgentsReport.human(Duration.ofNanos(420_000))).isEqualTo("0.42 ms");
		assertThat(AgentsReport.human(Duration.ofMillis(850))).isEqualTo("850 ms");
		assertThat(AgentsReport.human(Duration.ofMillis(1250))).isEqualTo("1.25 s");
		assertThat(AgentsReport.human(Duration.ofSeconds(125))).isEqualTo("2m 5s");
		assertThat(AgentsReport.human(Duration.ofMinutes(5))).isEqualTo("5m");
		assertThat(AgentsReport.human(Duration.ofMinutes(200))).isEqualTo("3h 20m");
		assertThat(AgentsReport.human(Duration.ofHours(50))).isEqualTo("2d 2h");
	}

	private void record(AgentOperation operation) {
		this.statistics.accept(operation);
		this.costTracker.accept(operation);
	}

	private static AgentOperation run(String agent, long millis, String errorType) {
		return AgentOperation.agentRun(agent).duration(Duration.ofMillis(millis)).errorType(errorType).build();
	}

}
