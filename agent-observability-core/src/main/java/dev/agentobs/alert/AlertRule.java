package dev.agentobs.alert;

import java.util.Locale;
import java.util.function.DoubleFunction;

import org.jspecify.annotations.Nullable;

/**
 * The five alerting rules, each with its name, severity, category and unit. Thresholds come
 * from {@code monitoring.alerts.thresholds}.
 *
 * @since 0.1.0
 */
public enum AlertRule {

	/** The share of failed agent runs in the window passed {@code error-rate}. */
	HIGH_ERROR_RATE("HighAgentErrorRate", AlertSeverity.CRITICAL, AlertCategory.ERROR,
			"The share of failed agent runs in the window is above the threshold.", AlertRule::percent),

	/** The p95 latency of agent runs in the window passed {@code response-time}. */
	HIGH_LATENCY("HighAgentLatency", AlertSeverity.WARNING, AlertCategory.PERFORMANCE_DEGRADATION,
			"The 95th percentile of agent run latency in the window is above the threshold.",
			(seconds) -> String.format(Locale.ROOT, "%.2f s", seconds)),

	/** The number of failed agent runs in the window passed {@code failure-count}. */
	FAILURE_SPIKE("AgentFailureSpike", AlertSeverity.CRITICAL, AlertCategory.ERROR,
			"More agent runs failed in the window than the threshold allows.",
			(count) -> Long.toString(Math.round(count))),

	/** Today's model cost passed {@code daily-cost}. */
	DAILY_COST("AgentDailyCostBudget", AlertSeverity.WARNING, AlertCategory.BUDGET,
			"Today's model cost is above the daily budget.", (usd) -> String.format(Locale.ROOT, "$%.2f", usd)),

	/** Today's tokens passed {@code daily-tokens}. */
	DAILY_TOKENS("AgentDailyTokenBudget", AlertSeverity.WARNING, AlertCategory.BUDGET,
			"Today's model tokens are above the daily budget.",
			(tokens) -> String.format(Locale.ROOT, "%,d", Math.round(tokens)));

	private final String alertName;

	private final AlertSeverity severity;

	private final AlertCategory category;

	private final String description;

	private final DoubleFunction<String> unitFormat;

	AlertRule(String alertName, AlertSeverity severity, AlertCategory category, String description,
			DoubleFunction<String> unitFormat) {
		this.alertName = alertName;
		this.severity = severity;
		this.category = category;
		this.description = description;
		this.unitFormat = unitFormat;
	}

	/**
	 * The alert's name, as Prometheus and notifications show it.
	 * @return the name, such as {@code HighAgentErrorRate}
	 */
	public String alertName() {
		return this.alertName;
	}

	public AlertSeverity severity() {
		return this.severity;
	}

	public AlertCategory category() {
		return this.category;
	}

	/**
	 * What the alert means, in one sentence.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Format a value of this rule's unit for people: {@code 34%}, {@code 6.20 s}, {@code $10.50}.
	 * @param value the value
	 * @return the formatted value
	 */
	public String format(double value) {
		return this.unitFormat.apply(value);
	}

	/**
	 * The one-line summary: {@code research-agent 34% > 10%}.
	 * @param agent the agent, or {@code null} for all
	 * @param value the measured value
	 * @param threshold the threshold
	 * @return the summary
	 */
	public String summary(@Nullable String agent, double value, double threshold) {
		return ((agent != null) ? agent : "all agents") + " " + format(value) + " > " + format(threshold);
	}

	static String percent(double fraction) {
		double percent = fraction * 100;
		return (percent == Math.rint(percent)) ? String.format(Locale.ROOT, "%d%%", (long) percent)
				: String.format(Locale.ROOT, "%.1f%%", percent);
	}

}
