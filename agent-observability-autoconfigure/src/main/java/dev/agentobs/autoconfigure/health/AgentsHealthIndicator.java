package dev.agentobs.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.agentobs.alert.Alert;
import dev.agentobs.alert.AlertJson;
import dev.agentobs.cost.DailyUsage;
import dev.agentobs.stats.AgentStatistics;
import dev.agentobs.stats.ComponentStatistics;
import dev.agentobs.stats.OperationSummary;
import dev.agentobs.stats.RecentError;
import dev.agentobs.stats.StatisticsJson;
import dev.agentobs.stats.StatisticsSnapshot;

/**
 * The health of the agents, from the requests of the rolling window: DOWN when their error
 * rate reaches the down threshold, DEGRADED when it reaches the degraded one or their 95th
 * percentile response time does, UP otherwise and whenever the window holds too few requests
 * to judge. The details are what an on-call engineer needs at a glance: rates, latencies,
 * active runs, the latest errors, each agent, model and tool, tokens and today's cost.
 *
 * @since 0.1.0
 */
public class AgentsHealthIndicator extends AbstractHealthIndicator {

	/**
	 * The agents work but too many requests fail or take too long. Ranked between DOWN and UP
	 * and answered with HTTP 200: a slow model provider must not take a pod out of service.
	 */
	public static final Status DEGRADED = new Status("DEGRADED");

	/** How many of the latest errors the details show; /actuator/agents shows all it keeps. */
	public static final int MAX_RECENT_ERRORS = 5;

	private final AgentStatistics statistics;

	private final HealthThresholds thresholds;

	private final Supplier<List<Alert>> firingAlerts;

	/**
	 * Create the indicator without alerts.
	 * @param statistics the statistics to judge
	 * @param thresholds when the agents are DEGRADED or DOWN
	 */
	public AgentsHealthIndicator(AgentStatistics statistics, HealthThresholds thresholds) {
		this(statistics, thresholds, List::of);
	}

	/**
	 * Create the indicator.
	 * @param statistics the statistics to judge
	 * @param thresholds when the agents are DEGRADED or DOWN
	 * @param firingAlerts the alerts firing now, listed in the {@code alerts} detail
	 */
	public AgentsHealthIndicator(AgentStatistics statistics, HealthThresholds thresholds,
			Supplier<List<Alert>> firingAlerts) {
		super("Agents health check failed");
		this.statistics = statistics;
		this.thresholds = thresholds;
		this.firingAlerts = firingAlerts;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		StatisticsSnapshot snapshot = this.statistics.snapshot();
		OperationSummary window = snapshot.overall().window();
		judge(builder, window);
		builder.withDetail("uptime", StatisticsJson.duration(snapshot.uptime().withNanos(0)))
			.withDetail("window", StatisticsJson.duration(snapshot.window()))
			.withDetail("requests", window.requests())
			.withDetail("successRate", StatisticsJson.rate(window.successRate()))
			.withDetail("errorRate", StatisticsJson.rate(window.errorRate()))
			.withDetail("averageResponseTime", StatisticsJson.duration(window.averageResponseTime()))
			.withDetail("p95ResponseTime", StatisticsJson.duration(window.p95ResponseTime()))
			.withDetail("activeRuns", snapshot.activeRuns())
			.withDetail("recentErrors", StatisticsJson.recentErrors(latest(snapshot.recentErrors())))
			.withDetail("agents", agents(snapshot))
			.withDetail("models", windows(snapshot.models(), true))
			.withDetail("tools", windows(snapshot.tools(), false))
			.withDetail("tokens", tokens(window, snapshot.today()));
		DailyUsage today = snapshot.today();
		if (today != null) {
			builder.withDetail("costToday", StatisticsJson.cost(today.cost()));
			if (!today.costKnown()) {
				builder.withDetail("unpricedModels", List.copyOf(today.unpricedModels()));
			}
		}
		builder.withDetail("alerts", this.firingAlerts.get().stream().map(AlertJson::of).toList());
	}

	private void judge(Health.Builder builder, OperationSummary window) {
		HealthThresholds thresholds = this.thresholds;
		if (window.requests() < thresholds.minRequests()) {
			builder.up()
				.withDetail("reason", "insufficient data: " + window.requests() + " requests in the window, "
						+ thresholds.minRequests() + " needed to judge");
			return;
		}
		double errorRate = window.errorRate();
		if (errorRate >= thresholds.downErrorRate()) {
			builder.down()
				.withDetail("reason", "error rate " + StatisticsJson.rate(errorRate)
						+ " reached monitoring.health.down.error-rate " + thresholds.downErrorRate());
		}
		else if (errorRate >= thresholds.degradedErrorRate()) {
			builder.status(DEGRADED)
				.withDetail("reason", "error rate " + StatisticsJson.rate(errorRate)
						+ " reached monitoring.health.degraded.error-rate " + thresholds.degradedErrorRate());
		}
		else if (window.p95ResponseTime().compareTo(thresholds.degradedResponseTime()) >= 0) {
			builder.status(DEGRADED)
				.withDetail("reason", "p95 response time " + StatisticsJson.duration(window.p95ResponseTime())
						+ " reached monitoring.health.degraded.response-time "
						+ StatisticsJson.duration(thresholds.degradedResponseTime()));
		}
		else {
			builder.up();
		}
	}

	private static Map<String, Object> windows(Map<String, ComponentStatistics> components, boolean withTokens) {
		Map<String, Object> json = new LinkedHashMap<>();
		components.forEach((name, component) -> json.put(name, StatisticsJson.summary(component.window(), withTokens)));
		return json;
	}

	private static List<RecentError> latest(List<RecentError> errors) {
		return (errors.size() > MAX_RECENT_ERRORS) ? errors.subList(0, MAX_RECENT_ERRORS) : errors;
	}

	private static Map<String, Object> agents(StatisticsSnapshot snapshot) {
		Map<String, Object> json = new LinkedHashMap<>();
		snapshot.agents().forEach((name, agent) -> {
			Map<String, Object> summary = StatisticsJson.summary(agent.window(), true);
			summary.put("activeRuns", snapshot.activeRunsByAgent().getOrDefault(name, 0));
			json.put(name, summary);
		});
		return json;
	}

	private static Map<String, Object> tokens(OperationSummary window, @Nullable DailyUsage today) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("window", tokens(window.inputTokens(), window.outputTokens()));
		if (today != null) {
			json.put("today", tokens(today.inputTokens(), today.outputTokens()));
		}
		return json;
	}

	private static Map<String, Object> tokens(long input, long output) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("input", input);
		json.put("output", output);
		return json;
	}

}
