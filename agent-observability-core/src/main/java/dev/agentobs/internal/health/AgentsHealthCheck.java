package dev.agentobs.internal.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.agentobs.alert.Alert;
import dev.agentobs.cost.DailyUsage;
import dev.agentobs.internal.cost.RunLedgers;
import dev.agentobs.internal.health.AgentsHealth.AgentWindow;
import dev.agentobs.internal.health.AgentsHealth.Status;
import dev.agentobs.internal.health.AgentsHealth.TokenCount;
import dev.agentobs.internal.report.AlertDescriptor;
import dev.agentobs.internal.report.BudgetsDescriptor;
import dev.agentobs.internal.report.JsonValues;
import dev.agentobs.internal.report.OperationSummaryDescriptor;
import dev.agentobs.internal.report.RecentErrorDescriptor;
import dev.agentobs.stats.AgentStatistics;
import dev.agentobs.stats.ComponentStatistics;
import dev.agentobs.stats.OperationSummary;
import dev.agentobs.stats.RecentError;
import dev.agentobs.stats.StatisticsSnapshot;

/**
 * Judges the health of the agents from the requests of the rolling window: DOWN when their
 * error rate reaches the down threshold, DEGRADED when it reaches the degraded one or their
 * 95th percentile response time does, UP otherwise and whenever the window holds too few
 * requests to judge. The details are what an on-call engineer needs at a glance: rates,
 * latencies, active runs, the latest errors, each agent, model and tool, tokens, today's cost
 * and the firing alerts.
 *
 * @since 0.1.0
 */
public class AgentsHealthCheck {

	/** How many of the latest errors the details show; /actuator/agents shows all it keeps. */
	public static final int MAX_RECENT_ERRORS = 5;

	private final AgentStatistics statistics;

	private final HealthThresholds thresholds;

	private final Supplier<List<Alert>> firingAlerts;

	private final @Nullable RunLedgers ledgers;

	/**
	 * Create a health check.
	 * @param statistics the statistics to judge
	 * @param thresholds when the agents are DEGRADED or DOWN
	 * @param firingAlerts the alerts firing now, listed in the {@code alerts} detail
	 */
	public AgentsHealthCheck(AgentStatistics statistics, HealthThresholds thresholds,
			Supplier<List<Alert>> firingAlerts) {
		this(statistics, thresholds, firingAlerts, null);
	}

	/**
	 * Create a health check that also shows the budgets and the runs they stopped.
	 * @param statistics the statistics to judge
	 * @param thresholds when the agents are DEGRADED or DOWN
	 * @param firingAlerts the alerts firing now, listed in the {@code alerts} detail
	 * @param ledgers the runs' ledgers and budgets, listed in the {@code budgets} detail when
	 * an agent has a budget or a run was stopped; or {@code null}
	 */
	public AgentsHealthCheck(AgentStatistics statistics, HealthThresholds thresholds,
			Supplier<List<Alert>> firingAlerts, @Nullable RunLedgers ledgers) {
		this.statistics = statistics;
		this.thresholds = thresholds;
		this.firingAlerts = firingAlerts;
		this.ledgers = ledgers;
	}

	/**
	 * Judge the agents now.
	 * @return their status, the reason and the details
	 */
	public AgentsHealth check() {
		StatisticsSnapshot snapshot = this.statistics.snapshot();
		OperationSummary window = snapshot.overall().window();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("uptime", JsonValues.duration(snapshot.uptime().withNanos(0)));
		details.put("window", JsonValues.duration(snapshot.window()));
		details.put("requests", window.requests());
		details.put("successRate", JsonValues.rate(window.successRate()));
		details.put("errorRate", JsonValues.rate(window.errorRate()));
		details.put("averageResponseTime", JsonValues.duration(window.averageResponseTime()));
		details.put("p95ResponseTime", JsonValues.duration(window.p95ResponseTime()));
		details.put("activeRuns", snapshot.activeRuns());
		details.put("recentErrors", RecentErrorDescriptor.of(latest(snapshot.recentErrors())));
		details.put("agents", agents(snapshot));
		details.put("models", windows(snapshot.models(), true));
		details.put("tools", windows(snapshot.tools(), false));
		DailyUsage today = snapshot.today();
		details.put("tokens", new AgentsHealth.Tokens(new TokenCount(window.inputTokens(), window.outputTokens(),
				JsonValues.countOrNull(window.cacheReadTokens()), JsonValues.countOrNull(window.cacheWriteTokens()),
				JsonValues.countOrNull(window.reasoningTokens())),
				(today != null) ? new TokenCount(today.inputTokens(), today.outputTokens()) : null));
		if (today != null) {
			details.put("costToday", JsonValues.cost(today.cost()));
			if (!today.costKnown()) {
				details.put("unpricedModels", List.copyOf(today.unpricedModels()));
			}
		}
		details.put("alerts", AlertDescriptor.of(this.firingAlerts.get()));
		if (this.ledgers != null && (!this.ledgers.agentBudgets().isEmpty() || this.ledgers.lastStop() != null)) {
			details.put("budgets", BudgetsDescriptor.of(this.ledgers));
		}
		return judge(window, details);
	}

	private AgentsHealth judge(OperationSummary window, Map<String, Object> details) {
		HealthThresholds thresholds = this.thresholds;
		if (window.requests() < thresholds.minRequests()) {
			return new AgentsHealth(Status.UP, "insufficient data: " + window.requests()
					+ " requests in the window, " + thresholds.minRequests() + " needed to judge", details);
		}
		double errorRate = window.errorRate();
		if (errorRate >= thresholds.downErrorRate()) {
			return new AgentsHealth(Status.DOWN, "error rate " + JsonValues.rate(errorRate)
					+ " reached monitoring.health.down.error-rate " + thresholds.downErrorRate(), details);
		}
		if (errorRate >= thresholds.degradedErrorRate()) {
			return new AgentsHealth(Status.DEGRADED, "error rate " + JsonValues.rate(errorRate)
					+ " reached monitoring.health.degraded.error-rate " + thresholds.degradedErrorRate(), details);
		}
		if (window.p95ResponseTime().compareTo(thresholds.degradedResponseTime()) >= 0) {
			return new AgentsHealth(Status.DEGRADED,
					"p95 response time " + JsonValues.duration(window.p95ResponseTime())
							+ " reached monitoring.health.degraded.response-time "
							+ JsonValues.duration(thresholds.degradedResponseTime()),
					details);
		}
		return new AgentsHealth(Status.UP, null, details);
	}

	private static Map<String, OperationSummaryDescriptor> windows(Map<String, ComponentStatistics> components,
			boolean withTokens) {
		Map<String, OperationSummaryDescriptor> windows = new LinkedHashMap<>();
		components.forEach(
				(name, component) -> windows.put(name, OperationSummaryDescriptor.of(component.window(), withTokens)));
		return windows;
	}

	private static List<RecentError> latest(List<RecentError> errors) {
		return (errors.size() > MAX_RECENT_ERRORS) ? errors.subList(0, MAX_RECENT_ERRORS) : errors;
	}

	private static Map<String, AgentWindow> agents(StatisticsSnapshot snapshot) {
		Map<String, AgentWindow> agents = new LinkedHashMap<>();
		snapshot.agents().forEach((name, agent) -> {
			OperationSummary window = agent.window();
			agents.put(name, new AgentWindow(window.requests(), window.errors(), JsonValues.rate(window.successRate()),
					JsonValues.rate(window.errorRate()), JsonValues.duration(window.averageResponseTime()),
					JsonValues.duration(window.p95ResponseTime()), window.inputTokens(), window.outputTokens(),
					snapshot.activeRunsByAgent().getOrDefault(name, 0)));
		});
		return agents;
	}

}
