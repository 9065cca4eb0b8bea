package dev.agentobs.internal.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.agentobs.cost.BudgetLimit;
import dev.agentobs.internal.runs.RunOrder;

/**
 * The dashboard's page: an HTML document that shows a {@link DashboardDescriptor} as it is, so
 * that it reads with JavaScript off, and loads the style sheet and the script that refresh it
 * from the same JSON. Every text that comes from outside the code (names of agents, models and
 * tools, error messages, ids) is escaped here; the script sets text only through
 * {@code textContent}. The markup here and the script's are one structure: the same ids,
 * classes and columns.
 *
 * @since 0.1.0
 */
public final class DashboardPage {

	/** The style sheet's name, as the page links it. */
	public static final String STYLE_SHEET = "dashboard.css";

	/** The script's name, as the page loads it. */
	public static final String SCRIPT = "dashboard.js";

	/** How often the page refreshes itself with JavaScript on, and reloads without it. */
	public static final Duration REFRESH = Duration.ofSeconds(5);

	private static final Map<String, String> MEDIA_TYPES = Map.of(STYLE_SHEET, "text/css", SCRIPT, "text/javascript");

	private static final Map<String, String> ASSETS = Map.of(STYLE_SHEET, load(STYLE_SHEET), SCRIPT, load(SCRIPT));

	private static final String NONE = "\u2013";

	/**
	 * One of the files the page loads.
	 * @param name {@value #STYLE_SHEET} or {@value #SCRIPT}
	 * @return its text, or {@code null} for any other name
	 */
	public static @Nullable String asset(String name) {
		return ASSETS.get(name);
	}

	/**
	 * The media type of one of the files the page loads.
	 * @param name {@value #STYLE_SHEET} or {@value #SCRIPT}
	 * @return {@code text/css} or {@code text/javascript}, or {@code null} for any other name
	 */
	public static @Nullable String mediaType(String name) {
		return MEDIA_TYPES.get(name);
	}

	private static String load(String name) {
		try (InputStream in = DashboardPage.class.getResourceAsStream("dashboard/" + name)) {
			if (in == null) {
				throw new IllegalStateException("dashboard/" + name + " is missing beside " + DashboardPage.class);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Render the page.
	 * @param dashboard what it shows
	 * @param view its query parameters
	 * @param assets the path of the style sheet and script, relative to the page
	 * @return the HTML document
	 */
	String render(DashboardDescriptor dashboard, Dashboard.View view, String assets) {
		Html html = new Html();
		AgentsDescriptor statistics = dashboard.statistics();
		html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
			.raw("<meta name=\"color-scheme\" content=\"light dark\">\n")
			.raw("<title>Agents dashboard</title>\n")
			.raw("<link rel=\"stylesheet\" href=\"").text(assets + STYLE_SHEET).raw("\">\n")
			.raw("<script src=\"").text(assets + SCRIPT).raw("\" defer></script>\n")
			.raw("<noscript><meta http-equiv=\"refresh\" content=\"").raw(Long.toString(REFRESH.toSeconds() * 3))
			.raw("\"></noscript>\n</head>\n<body data-refresh-ms=\"").raw(Long.toString(REFRESH.toMillis()))
			.raw("\">\n<a class=\"skip\" href=\"#runs-title\">Skip to the recent runs</a>\n");
		header(html, dashboard, statistics);
		html.raw("<main>\n");
		tiles(html, statistics);
		agents(html, statistics);
		html.raw("<div class=\"columns\">\n");
		models(html, statistics);
		tools(html, statistics);
		html.raw("</div>\n");
		alerts(html, dashboard.alerts());
		errors(html, statistics.recentErrors());
		runs(html, dashboard.runs(), view, statistics.agents().keySet());
		run(html, dashboard.run(), view, dashboard.runs() != null);
		html.raw("</main>\n<footer><p>Refreshes every ").text(Long.toString(REFRESH.toSeconds()))
			.raw(" s from the same endpoint as JSON (<code>Accept: application/json</code>). Times are UTC.</p>")
			.raw("</footer>\n</body>\n</html>\n");
		return html.toString();
	}

	private static void header(Html html, DashboardDescriptor dashboard, AgentsDescriptor statistics) {
		String status = dashboard.status();
		html.raw("<header class=\"top\">\n<h1>Agents</h1>\n<p class=\"status\">Status ")
			.raw("<span id=\"status\" class=\"pill ").text(status.toLowerCase(Locale.ROOT))
			.raw("\" role=\"status\">").text(status).raw("</span> <span id=\"status-reason\">")
			.text((dashboard.statusReason() != null) ? dashboard.statusReason() : "")
			.raw("</span></p>\n<p class=\"meta\">Up <span id=\"uptime\">")
			.text(uptime(statistics.uptime()))
			.raw("</span> \u00b7 window <span id=\"window\">").text(AgentsReport.human(Duration.parse(statistics.window())))
			.raw("</span> \u00b7 updated <time id=\"updated\" datetime=\"").text(statistics.time()).raw("\">")
			.text(clock(statistics.time()))
			.raw("</time></p>\n<p class=\"controls\"><button id=\"pause\" type=\"button\" aria-pressed=\"false\" hidden>")
			.raw("Pause updates</button> <span id=\"problem\" role=\"alert\"></span></p>\n</header>\n");
	}

	private static void tiles(Html html, AgentsDescriptor statistics) {
		OperationSummaryDescriptor window = statistics.overall().window();
		String windowText = "in the last " + AgentsReport.human(Duration.parse(statistics.window()));
		DailyUsageDescriptor today = statistics.today();
		html.raw("<section aria-labelledby=\"overview-title\">\n<h2 id=\"overview-title\" class=\"hidden\">Overview</h2>\n")
			.raw("<dl class=\"tiles\">\n");
		tile(html, "requests", "Requests", count(window.requests()), windowText);
		tile(html, "success", "Success rate", percent(window), windowText);
		tile(html, "p95", "p95 response time", AgentsReport.human(Duration.parse(window.p95ResponseTime())),
				"average " + AgentsReport.human(Duration.parse(window.averageResponseTime())));
		tile(html, "active", "Active runs", count(statistics.activeRuns()), "in progress now");
		if (today != null) {
			tile(html, "tokens", "Tokens today", count(today.inputTokens()) + " / " + count(today.outputTokens()),
					"in / out, " + count(today.calls()) + " model calls");
			tile(html, "cost", "Cost today", usd(today.cost()), today.unpricedModels().isEmpty() ? today.date()
					: "and unknown: no price for " + String.join(", ", today.unpricedModels()));
		}
		else {
			tile(html, "tokens", "Tokens today", NONE, "cost is not tracked");
			tile(html, "cost", "Cost today", NONE, "cost is not tracked");
		}
		firstChunk(html, statistics, windowText);
		budgets(html, statistics.budgets());
		html.raw("</dl>\n</section>\n");
	}

	// The slowest model's p95 time to first chunk over the window: what a user waits longest for
	private static void firstChunk(Html html, AgentsDescriptor statistics, String windowText) {
		@Nullable String slowest = null;
		@Nullable Duration slowestP95 = null;
		for (Map.Entry<String, ModelStatisticsDescriptor> model : statistics.models().entrySet()) {
			String p95 = model.getValue().window().p95TimeToFirstChunk();
			if (p95 != null && (slowestP95 == null || Duration.parse(p95).compareTo(slowestP95) > 0)) {
				slowest = model.getKey();
				slowestP95 = Duration.parse(p95);
			}
		}
		if (slowestP95 == null) {
			tile(html, "ttfc", "Time to first chunk", NONE, "no streamed model call " + windowText);
		}
		else {
			tile(html, "ttfc", "Time to first chunk", AgentsReport.human(slowestP95), "p95 of " + slowest);
		}
	}

	// The runs the budgets stopped, and the agent nearest to being stopped for the rest of the day
	// (the highest share of its daily cost spent), or else the latest stop
	private static void budgets(Html html, @Nullable BudgetsDescriptor budgets) {
		if (budgets == null || budgets.agents().isEmpty()) {
			tile(html, "budgets", "Budgets", NONE, "none configured");
			return;
		}
		long stops = 0;
		@Nullable String nearest = null;
		double nearestCost = 0;
		double nearestLimit = 0;
		for (Map.Entry<String, BudgetsDescriptor.AgentBudgetDescriptor> agent : budgets.agents().entrySet()) {
			for (long count : agent.getValue().stops().values()) {
				stops += count;
			}
			Double todayCost = agent.getValue().todayCost();
			double cost = (todayCost != null) ? todayCost : 0;
			if (agent.getValue().limits().get(BudgetLimit.DAILY_COST.key()) instanceof Number limit
					&& (nearest == null || cost / limit.doubleValue() > nearestCost / nearestLimit)) {
				nearest = agent.getKey();
				nearestCost = cost;
				nearestLimit = limit.doubleValue();
			}
		}
		String note = "enforce".equals(budgets.mode()) ? "runs stopped (enforce)"
				: "runs over budget, not stopped (report)";
		BudgetsDescriptor.LastStopDescriptor last = budgets.lastStop();
		if (nearest != null) {
			note += " \u00b7 " + nearest + " " + dollars(nearestCost) + " of " + dollars(nearestLimit) + " today";
		}
		else if (last != null) {
			note += " \u00b7 last: " + last.agent() + " " + last.limit() + " at " + clock(last.time());
		}
		tile(html, "budgets", "Budgets", count(stops), note);
	}

	// Cents, rounded from the exact binary value as the script's toFixed(2) rounds
	private static String dollars(double amount) {
		return "$" + new BigDecimal(amount).setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	private static void tile(Html html, String id, String title, String value, String note) {
		html.raw("<div class=\"tile\" id=\"t-").raw(id).raw("\"><dt>").text(title).raw("</dt><dd class=\"value\">")
			.text(value)
			.raw("</dd><dd class=\"note\">")
			.text(note)
			.raw("</dd></div>\n");
	}

	private static void agents(Html html, AgentsDescriptor statistics) {
		table(html, "agents", "Agents", "Agent runs over the window and since start",
				List.of("Agent", "Runs", "Success", "Avg", "p95", "Active", "Tokens in", "Tokens out", "Since start"),
				statistics.agents().isEmpty());
		statistics.agents().forEach((name, agent) -> {
			OperationSummaryDescriptor window = agent.window();
			row(html, name, count(window.requests()), percent(window), human(window.averageResponseTime()),
					human(window.p95ResponseTime()), count(agent.activeRuns()), tokens(window.inputTokens()),
					tokens(window.outputTokens()), count(agent.total().requests()));
		});
		endTable(html);
		html.raw("</section>\n");
	}

	private static void models(Html html, AgentsDescriptor statistics) {
		table(html, "models", "Models", "Model calls over the window, tokens and cost of the day",
				List.of("Model", "Calls", "Success", "p95", "Tokens in today", "Tokens out today", "Cost today"),
				statistics.models().isEmpty());
		statistics.models().forEach((name, model) -> {
			OperationSummaryDescriptor window = model.window();
			ModelUsageDescriptor today = model.today();
			row(html, name, count(window.requests()), percent(window), human(window.p95ResponseTime()),
					(today != null) ? count(today.inputTokens()) : NONE,
					(today != null) ? count(today.outputTokens()) : NONE,
					(today != null && today.cost() != null) ? usd(today.cost()) : NONE);
		});
		endTable(html);
		html.raw("</section>\n");
	}

	private static void tools(Html html, AgentsDescriptor statistics) {
		table(html, "tools", "Tools", "Tool calls over the window",
				List.of("Tool", "Calls", "Success", "Avg", "p95"), statistics.tools().isEmpty());
		statistics.tools().forEach((name, tool) -> {
			OperationSummaryDescriptor window = tool.window();
			row(html, name, count(window.requests()), percent(window), human(window.averageResponseTime()),
					human(window.p95ResponseTime()));
		});
		endTable(html);
		html.raw("</section>\n");
	}

	private static void alerts(Html html, @Nullable List<AlertDescriptor> alerts) {
		table(html, "alerts", "Firing alerts", "The alerts firing now",
				List.of("Alert", "Severity", "Agent", "Summary", "Since"), alerts == null || alerts.isEmpty());
		if (alerts != null) {
			for (AlertDescriptor alert : alerts) {
				row(html, alert.name(), alert.severity(), (alert.agent() != null) ? alert.agent() : "all",
						alert.summary(), clock(alert.startsAt()));
			}
		}
		endTable(html);
		if (alerts == null) {
			html.raw("<p class=\"note\" id=\"alerts-off\">Alerting is off (<code>monitoring.alerts.enabled</code>).</p>\n");
		}
		html.raw("</section>\n");
	}

	private static void errors(Html html, List<RecentErrorDescriptor> errors) {
		table(html, "errors", "Recent errors", "The latest failures within the window, newest first",
				List.of("Time", "Operation", "Name", "Agent", "Type", "Message"), errors.isEmpty());
		for (RecentErrorDescriptor error : errors) {
			row(html, clock(error.time()), error.operation(), error.name(),
					(error.agent() != null) ? error.agent() : NONE, error.type(), error.message());
		}
		endTable(html);
		html.raw("</section>\n");
	}

	private static void runs(Html html, @Nullable RunsDescriptor runs, Dashboard.View view,
			Iterable<String> agents) {
		html.raw("<section class=\"runs\" aria-labelledby=\"runs-title\">\n<h2 id=\"runs-title\">Recent runs</h2>\n");
		if (runs == null) {
			html.raw("<p class=\"note\">Runs are not kept (<code>monitoring.runs.enabled</code>).</p>\n</section>\n");
			return;
		}
		html.raw("<form id=\"filters\" method=\"get\" class=\"filters\">\n<label>Agent <select name=\"agent\">")
			.raw("<option value=\"\">all</option>");
		for (String agent : agents) {
			html.raw("<option value=\"").text(agent).raw(agent.equals(view.agent()) ? "\" selected>" : "\">")
				.text(agent)
				.raw("</option>");
		}
		if (view.agent() != null && !contains(agents, view.agent())) {
			html.raw("<option value=\"").text(view.agent()).raw("\" selected>").text(view.agent()).raw("</option>");
		}
		html.raw("</select></label>\n<label><input type=\"checkbox\" name=\"failed\" value=\"true\"")
			.raw(view.failedOnly() ? " checked" : "")
			.raw("> failed only</label>\n<label>Order <select name=\"sort\">");
		for (RunOrder order : RunOrder.values()) {
			html.raw("<option value=\"").text(order.toString()).raw((order == view.order()) ? "\" selected>" : "\">")
				.text(orderLabel(order))
				.raw("</option>");
		}
		html.raw("</select></label>\n<button type=\"submit\">Show</button>\n</form>\n");
		html.raw("<p class=\"note\" id=\"runs-note\">").text(runsNote(runs)).raw("</p>\n");
		html.raw("<div class=\"scroll\"><table id=\"runs\">\n<caption class=\"hidden\">The last finished runs</caption>\n")
			.raw("<thead><tr>");
		for (String column : List.of("Started", "Agent", "Duration", "Operations", "Tokens in", "Tokens out", "Cost",
				"Outcome")) {
			html.raw("<th scope=\"col\">").text(column).raw("</th>");
		}
		html.raw("</tr></thead>\n<tbody>\n");
		if (runs.runs().isEmpty()) {
			html.raw("<tr class=\"empty\"><td colspan=\"8\">No run yet</td></tr>\n");
		}
		for (RunSummaryDescriptor run : runs.runs()) {
			html.raw("<tr").raw(run.failed() ? " class=\"failed\"" : "").raw(">")
				.raw("<td><time datetime=\"").text(run.start()).raw("\">").text(clock(run.start())).raw("</time></td>")
				.raw("<th scope=\"row\"><a class=\"open-run\" href=\"").text(link(view, run.runId()))
				.raw("\" data-run-id=\"").text(run.runId()).raw("\">").text(run.agent()).raw("</a></th>")
				.raw("<td>").text(human(run.duration())).raw("</td>")
				.raw("<td>").text(count(run.operations()))
				.text((run.droppedOperations() > 0) ? " (+" + count(run.droppedOperations()) + " not kept)" : "")
				.raw("</td><td>").text(count(run.inputTokens())).raw("</td><td>").text(count(run.outputTokens()))
				.raw("</td><td>").text(cost(run.cost(), run.unpricedCalls())).raw("</td><td>")
				.text(run.failed() ? "failed: " + run.errorType() : "ok").raw("</td></tr>\n");
		}
		html.raw("</tbody>\n</table></div>\n</section>\n");
	}

	private static void run(Html html, @Nullable RunDescriptor run, Dashboard.View view, boolean runsKept) {
		html.raw("<section id=\"run\" class=\"run\" aria-labelledby=\"run-title\"")
			.raw((run == null && view.runId() == null) ? " hidden" : "")
			.raw(">\n");
		if (run == null) {
			html.raw("<h2 id=\"run-title\">Run</h2>\n<p class=\"note\" id=\"run-missing\">");
			if (view.runId() != null && runsKept) {
				html.text("Run " + view.runId() + " is not kept (any more).");
			}
			html.raw("</p>\n<div id=\"waterfall\"></div>\n</section>\n");
			return;
		}
		RunSummaryDescriptor summary = run.run();
		html.raw("<h2 id=\"run-title\">Run of <span class=\"name\">").text(summary.agent()).raw("</span></h2>\n")
			.raw("<p class=\"close\"><a href=\"").text(link(view, null)).raw("\" id=\"close-run\">Close the run</a></p>\n")
			.raw("<dl class=\"facts\" id=\"run-facts\">");
		fact(html, "Run id", summary.runId());
		fact(html, "Started", summary.start());
		fact(html, "Duration", human(summary.duration()));
		fact(html, "Outcome", summary.failed() ? "failed: " + summary.errorType() : "ok");
		fact(html, "Operations", count(summary.operations())
				+ ((summary.droppedOperations() > 0) ? " (+" + count(summary.droppedOperations()) + " not kept)" : ""));
		fact(html, "Tokens", count(summary.inputTokens()) + " in \u00b7 " + count(summary.outputTokens()) + " out");
		fact(html, "Cost", cost(summary.cost(), summary.unpricedCalls()));
		if (summary.traceId() != null) {
			fact(html, "Trace id", summary.traceId());
		}
		if (summary.conversationId() != null) {
			fact(html, "Conversation", summary.conversationId());
		}
		html.raw("</dl>\n<div id=\"waterfall\" class=\"waterfall\">\n<div class=\"node head\" aria-hidden=\"true\">")
			.raw("<span class=\"label\">Operation</span><span class=\"track\">Timeline</span>")
			.raw("<span class=\"dur\">Duration</span><span class=\"tok\">Tokens in \u2192 out</span>")
			.raw("<span class=\"cost\">Cost</span></div>\n<ul class=\"tree\">\n");
		node(html, run.tree(), 0, Math.max(1, Duration.parse(run.tree().duration()).toNanos()));
		html.raw("</ul>\n</div>\n</section>\n");
	}

	private static void node(Html html, RunNodeDescriptor node, int depth, long runNanos) {
		long offset = Duration.parse(node.startOffset()).toNanos();
		long duration = Duration.parse(node.duration()).toNanos();
		double left = Math.min(100, 100d * offset / runNanos);
		double width = Math.max(0.4, Math.min(100 - left, 100d * duration / runNanos));
		html.raw("<li data-kind=\"").text(node.kind()).raw("\" data-depth=\"").raw(Integer.toString(depth))
			.raw(node.failed() ? "\" class=\"failed\">" : "\">")
			.raw("<div class=\"node\"><span class=\"label\" style=\"--depth:").raw(Integer.toString(depth))
			.raw("\"><span class=\"kind\">").text(kindLabel(node)).raw("</span> <span class=\"name\">")
			.text(node.name())
			.raw("</span></span><span class=\"track\" aria-hidden=\"true\"><span class=\"bar\" style=\"left:")
			.raw(String.format(Locale.ROOT, "%.2f%%;width:%.2f%%", left, width))
			.raw("\"></span></span><span class=\"dur\">")
			.text(human(node.duration()))
			.raw(" <span class=\"offset\">at ").text(human(node.startOffset())).raw("</span></span><span class=\"tok\">")
			.text((node.inputTokens() != null) ? count(node.inputTokens()) + " \u2192 " + count(node.outputTokens()) : "")
			.raw("</span><span class=\"cost\">")
			.text((node.cost() != null || node.unpricedCalls() != null) ? cost(node.cost(),
					(node.unpricedCalls() != null) ? node.unpricedCalls() : 0) : "")
			.raw("</span></div>");
		if (node.failed()) {
			html.raw("<p class=\"error\">").text(node.errorType())
				.text((node.errorMessage() != null) ? ": " + node.errorMessage() : "")
				.raw("</p>");
		}
		if (node.droppedOperations() != null) {
			html.raw("<p class=\"note\">").text(count(node.droppedOperations()) + " more operations not kept")
				.raw("</p>");
		}
		if (!node.children().isEmpty()) {
			html.raw("\n<ul>\n");
			for (RunNodeDescriptor child : node.children()) {
				node(html, child, depth + 1, runNanos);
			}
			html.raw("</ul>");
		}
		html.raw("</li>\n");
	}

	private static String kindLabel(RunNodeDescriptor node) {
		return switch (node.kind()) {
			case "agent_run" -> "run";
			case "agent_step" -> "step " + node.step();
			case "model_call" -> "model";
			case "tool_call" -> "tool";
			default -> "code";
		};
	}

	private static void fact(Html html, String name, String value) {
		html.raw("<div><dt>").text(name).raw("</dt><dd>").text(value).raw("</dd></div>");
	}

	private static void table(Html html, String id, String title, String caption, List<String> columns,
			boolean empty) {
		html.raw("<section aria-labelledby=\"").raw(id).raw("-title\">\n<h2 id=\"").raw(id).raw("-title\">")
			.text(title)
			.raw("</h2>\n<div class=\"scroll\"><table id=\"").raw(id).raw("\">\n<caption class=\"hidden\">")
			.text(caption)
			.raw("</caption>\n<thead><tr>");
		for (String column : columns) {
			html.raw("<th scope=\"col\">").text(column).raw("</th>");
		}
		html.raw("</tr></thead>\n<tbody>\n");
		if (empty) {
			html.raw("<tr class=\"empty\"><td colspan=\"").raw(Integer.toString(columns.size())).raw("\">None</td></tr>\n");
		}
	}

	private static void endTable(Html html) {
		html.raw("</tbody>\n</table></div>\n");
	}

	private static void row(Html html, String name, String... cells) {
		html.raw("<tr><th scope=\"row\">").text(name).raw("</th>");
		for (String cell : cells) {
			html.raw("<td>").text(cell).raw("</td>");
		}
		html.raw("</tr>\n");
	}

	private static String link(Dashboard.View view, @Nullable String runId) {
		List<String> parameters = new ArrayList<>(4);
		if (view.agent() != null) {
			parameters.add("agent=" + URLEncoder.encode(view.agent(), StandardCharsets.UTF_8));
		}
		if (view.failedOnly()) {
			parameters.add("failed=true");
		}
		if (view.order() != RunOrder.RECENT) {
			parameters.add("sort=" + view.order());
		}
		if (runId != null) {
			parameters.add("run=" + URLEncoder.encode(runId, StandardCharsets.UTF_8));
		}
		return "?" + String.join("&", parameters);
	}

	private static boolean contains(Iterable<String> names, String name) {
		for (String candidate : names) {
			if (candidate.equals(name)) {
				return true;
			}
		}
		return false;
	}

	private static String runsNote(RunsDescriptor runs) {
		String note = "The last " + count(runs.maxRuns()) + " runs are kept, " + count(runs.maxOperationsPerRun())
				+ " operations each; " + count(runs.recordedRuns()) + " recorded since start.";
		return (runs.lostOperations() > 0) ? note + " " + count(runs.lostOperations())
				+ " operations lost while too many runs were in progress." : note;
	}

	private static String orderLabel(RunOrder order) {
		return switch (order) {
			case RECENT -> "newest first";
			case SLOWEST -> "slowest first";
			case COSTLIEST -> "costliest first";
		};
	}

	// Whole seconds, without the hundredths a response time has
	private static String uptime(String isoDuration) {
		Duration uptime = Duration.parse(isoDuration);
		return (uptime.toSeconds() < 60) ? uptime.toSeconds() + " s" : AgentsReport.human(uptime);
	}

	static String human(String isoDuration) {
		return AgentsReport.human(Duration.parse(isoDuration));
	}

	static String count(long count) {
		return String.format(Locale.ROOT, "%,d", count);
	}

	private static String tokens(@Nullable Long tokens) {
		return (tokens != null) ? count(tokens) : NONE;
	}

	private static String percent(OperationSummaryDescriptor summary) {
		return (summary.requests() > 0) ? String.format(Locale.ROOT, "%.1f%%", summary.successRate() * 100) : NONE;
	}

	static String usd(double amount) {
		return String.format(Locale.ROOT, "$%.4f", amount);
	}

	private static String cost(@Nullable Double cost, int unpricedCalls) {
		if (cost == null) {
			return (unpricedCalls > 0) ? "unknown" : NONE;
		}
		return (unpricedCalls > 0) ? usd(cost) + " + unknown" : usd(cost);
	}

	// HH:mm:ss of an ISO-8601 instant in UTC
	private static String clock(String instant) {
		int t = instant.indexOf('T');
		return (t >= 0 && instant.length() >= t + 9) ? instant.substring(t + 1, t + 9) : instant;
	}

}
