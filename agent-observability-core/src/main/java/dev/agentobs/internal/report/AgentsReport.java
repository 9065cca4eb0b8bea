package dev.agentobs.internal.report;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.agentobs.cost.DailyUsage;
import dev.agentobs.cost.ModelUsage;
import dev.agentobs.internal.cost.PriceCatalogue;
import dev.agentobs.stats.ComponentStatistics;
import dev.agentobs.stats.OperationSummary;
import dev.agentobs.stats.RecentError;
import dev.agentobs.stats.RunCost;
import dev.agentobs.stats.StatisticsSnapshot;

/**
 * Writes statistics as a Markdown report with tables: the totals, agent performance
 * (requests, success, average and p95 response time), models (calls, tokens, cost today),
 * tools (calls, success, average) and the latest errors. Plain GitHub-flavoured Markdown, to
 * paste into an incident ticket.
 *
 * @since 0.1.0
 */
public class AgentsReport {

	private static final String NONE = "_None._";

	/**
	 * The report of every statistic.
	 * @param snapshot the statistics
	 * @param catalogue the files of the price catalogue
	 * @return the report
	 */
	public String render(StatisticsSnapshot snapshot, List<PriceCatalogue.Source> catalogue) {
		String last = "last " + human(snapshot.window());
		StringBuilder report = new StringBuilder(4096);
		report.append("# Agents report\n\n");
		report.append("Generated at ").append(snapshot.time()).append(", uptime ").append(human(snapshot.uptime()))
			.append(", window ").append(human(snapshot.window())).append(".\n\n");
		totals(report, snapshot.overall(), last);
		report.append("\nActive runs: ").append(snapshot.activeRuns()).append(".\n");

		report.append("\n## Agent performance (").append(last).append(")\n\n");
		if (snapshot.agents().isEmpty()) {
			report.append(NONE).append('\n');
		}
		else {
			report.append("| Agent | Requests | Success | Avg | p95 | Active runs |\n");
			report.append("|---|---:|---:|---:|---:|---:|\n");
			snapshot.agents().forEach((name, agent) -> {
				OperationSummary window = agent.window();
				row(report, name, count(window.requests()), percent(window), human(window.averageResponseTime()),
						human(window.p95ResponseTime()),
						String.valueOf(snapshot.activeRunsByAgent().getOrDefault(name, 0)));
			});
		}

		runCosts(report, snapshot);

		models(report, snapshot, catalogue, last);

		report.append("\n## Tools (").append(last).append(")\n\n");
		if (snapshot.tools().isEmpty()) {
			report.append(NONE).append('\n');
		}
		else {
			report.append("| Tool | Calls | Success | Avg |\n");
			report.append("|---|---:|---:|---:|\n");
			snapshot.tools().forEach((name, tool) -> {
				OperationSummary window = tool.window();
				row(report, name, count(window.requests()), percent(window), human(window.averageResponseTime()));
			});
		}

		errors(report, snapshot.recentErrors(), last);
		return report.toString();
	}

	/**
	 * The report of one agent.
	 * @param snapshot the statistics
	 * @param agent the agent's statistics
	 * @param errors the agent's latest errors
	 * @return the report
	 */
	public String renderAgent(StatisticsSnapshot snapshot, ComponentStatistics agent, List<RecentError> errors) {
		String last = "last " + human(snapshot.window());
		StringBuilder report = new StringBuilder(1024);
		report.append("# Agent ").append(cell(agent.name())).append("\n\n");
		report.append("Generated at ").append(snapshot.time()).append(", window ").append(human(snapshot.window()))
			.append(".\n\n");
		totals(report, agent, last);
		report.append("\nActive runs: ").append(snapshot.activeRunsByAgent().getOrDefault(agent.name(), 0))
			.append(".\n");
		errors(report, errors, last);
		return report.toString();
	}

	private static void totals(StringBuilder report, ComponentStatistics statistics, String last) {
		OperationSummary window = statistics.window();
		OperationSummary total = statistics.total();
		report.append("| | ").append(capitalize(last)).append(" | Since start |\n");
		report.append("|---|---:|---:|\n");
		row(report, "Requests", count(window.requests()), count(total.requests()));
		row(report, "Errors", count(window.errors()), count(total.errors()));
		row(report, "Success", percent(window), percent(total));
		row(report, "Avg", human(window.averageResponseTime()), human(total.averageResponseTime()));
		row(report, "p95", human(window.p95ResponseTime()), human(total.p95ResponseTime()));
		row(report, "Tokens in / out", count(window.inputTokens()) + " / " + count(window.outputTokens()),
				count(total.inputTokens()) + " / " + count(total.outputTokens()));
		if (total.cacheReadTokens() > 0 || total.cacheWriteTokens() > 0) {
			row(report, "Of input: cache read / write",
					count(window.cacheReadTokens()) + " / " + count(window.cacheWriteTokens()),
					count(total.cacheReadTokens()) + " / " + count(total.cacheWriteTokens()));
		}
		if (total.reasoningTokens() > 0) {
			row(report, "Of output: reasoning", count(window.reasoningTokens()), count(total.reasoningTokens()));
		}
	}

	// Only agents whose runs were priced: a table of unknowns says nothing
	private static void runCosts(StringBuilder report, StatisticsSnapshot snapshot) {
		boolean header = false;
		for (ComponentStatistics agent : snapshot.agents().values()) {
			RunCost cost = agent.runCost();
			if (cost.runs() == 0) {
				continue;
			}
			if (!header) {
				report.append("\n## Cost per run (the latest ").append(RunCost.SAMPLE_SIZE).append(" priced runs)\n\n");
				report.append("| Agent | Runs | Avg | p95 |\n");
				report.append("|---|---:|---:|---:|\n");
				header = true;
			}
			row(report, agent.name(), count(cost.runs()), usd(cost.average()), usd(cost.p95()));
		}
	}

	private static void models(StringBuilder report, StatisticsSnapshot snapshot, List<PriceCatalogue.Source> catalogue,
			String last) {
		DailyUsage today = snapshot.today();
		if (today == null) {
			report.append("\n## Models (").append(last).append(")\n\n");
			if (snapshot.models().isEmpty()) {
				report.append(NONE).append('\n');
				return;
			}
			report.append("| Model | Calls | Input tokens | Output tokens | p95 first chunk | Cost |\n");
			report.append("|---|---:|---:|---:|---:|---:|\n");
			snapshot.models().forEach((name, model) -> row(report, name, count(model.window().requests()),
					count(model.window().inputTokens()), count(model.window().outputTokens()),
					firstChunk(model.window()), "unknown"));
			return;
		}
		report.append("\n## Models (today, ").append(today.date()).append(' ').append(today.zone().getId())
			.append(")\n\n");
		report.append("Counted by this instance since ").append(today.since()).append(".\n\n");
		if (today.models().isEmpty()) {
			report.append(NONE).append('\n');
			return;
		}
		report.append("| Model | Calls | Input tokens | Output tokens | p95 first chunk | Cost | Price |\n");
		report.append("|---|---:|---:|---:|---:|---:|---|\n");
		for (Map.Entry<String, ModelUsage> entry : today.models().entrySet()) {
			ModelUsage usage = entry.getValue();
			Double cost = usage.cost();
			ComponentStatistics model = snapshot.models().get(entry.getKey());
			row(report, entry.getKey(), count(usage.calls()), count(usage.inputTokens()),
					count(usage.outputTokens()), (model != null) ? firstChunk(model.window()) : "",
					(cost != null) ? usd(cost) : "unknown", usage.priceSource().toString());
		}
		row(report, "Total", count(today.calls()), count(today.inputTokens()), count(today.outputTokens()), "",
				today.costKnown() ? usd(today.cost()) : "at least " + usd(today.cost()), "");
		if (!today.costKnown()) {
			report.append("\nNo price for ").append(cell(String.join(", ", today.unpricedModels())))
				.append(": set monitoring.cost.models.<model>.input and .output, or monitoring.cost.aliases.\n");
		}
		catalogue(report, catalogue);
	}

	// Where prices are looked for, in order: the configured ones win
	private static void catalogue(StringBuilder report, List<PriceCatalogue.Source> catalogue) {
		report.append("\nPrices: monitoring.cost.models");
		for (int i = catalogue.size() - 1; i >= 0; i--) {
			PriceCatalogue.Source source = catalogue.get(i);
			report.append(", then ").append(cell(source.location())).append(" (");
			if (source.name() != null) {
				report.append(cell(source.name())).append(", ");
			}
			if (source.date() != null) {
				report.append(source.date()).append(", ");
			}
			report.append(count(source.models())).append((source.models() == 1) ? " model)" : " models)");
		}
		report.append(".\n");
	}

	/**
	 * The p95 time to first chunk of the window's streamed calls, blank when none streamed.
	 */
	private static String firstChunk(OperationSummary window) {
		return (window.firstChunks() > 0) ? human(window.p95TimeToFirstChunk()) : "";
	}

	private static void errors(StringBuilder report, List<RecentError> errors, String last) {
		report.append("\n## Recent errors (").append(last).append(")\n\n");
		if (errors.isEmpty()) {
			report.append(NONE).append('\n');
			return;
		}
		report.append("| Time | Operation | Name | Agent | Type | Message |\n");
		report.append("|---|---|---|---|---|---|\n");
		for (RecentError error : errors) {
			String agent = error.agent();
			row(report, error.time().toString(), error.operation(), error.name(), (agent != null) ? agent : "-",
					error.type(), error.message().isEmpty() ? "-" : error.message());
		}
	}

	private static void row(StringBuilder report, String... cells) {
		report.append('|');
		for (String cell : cells) {
			report.append(' ').append(cell(cell)).append(" |");
		}
		report.append('\n');
	}

	// A cell must stay on one line and must not end the cell early.
	private static String cell(String text) {
		return text.replace("\\", "\\\\").replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
	}

	private static String count(long count) {
		return String.format(Locale.ROOT, "%,d", count);
	}

	private static String percent(OperationSummary summary) {
		return (summary.requests() > 0) ? String.format(Locale.ROOT, "%.1f%%", summary.successRate() * 100) : "-";
	}

	private static String usd(double amount) {
		return String.format(Locale.ROOT, "$%.4f", amount);
	}

	/**
	 * A duration as people write it: {@code 850 ms}, {@code 1.25 s}, {@code 2m 5s},
	 * {@code 3h 20m}.
	 * @param duration the duration
	 * @return the text
	 */
	static String human(Duration duration) {
		long millis = duration.toMillis();
		if (duration.isZero()) {
			return "0 ms";
		}
		if (millis < 1) {
			return String.format(Locale.ROOT, "%.2f ms", duration.toNanos() / 1e6);
		}
		if (millis < 1000) {
			return millis + " ms";
		}
		if (millis < 60_000) {
			return String.format(Locale.ROOT, "%.2f s", millis / 1000d);
		}
		long seconds = duration.toSeconds();
		if (seconds < 3600) {
			return (seconds / 60) + "m" + ((seconds % 60 != 0) ? " " + (seconds % 60) + "s" : "");
		}
		if (seconds < 86_400) {
			return (seconds / 3600) + "h" + ((seconds % 3600 >= 60) ? " " + (seconds % 3600 / 60) + "m" : "");
		}
		return (seconds / 86_400) + "d" + ((seconds % 86_400 >= 3600) ? " " + (seconds % 86_400 / 3600) + "h" : "");
	}

	private static String capitalize(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
