package dev.agentobs.alert;

import java.util.Locale;
import java.util.function.DoubleFunction;

import org.jspecify.annotations.Nullable;

/**
 * The alerting rules judged in the process (and written as Prometheus rules beside the
 * service-down rule, which only Prometheus can judge), each with its name, severity, category
 * and unit. Thresholds come from {@code monitoring.alerts.thresholds}.
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
			AlertRule::count),

	/** Today's model cost passed {@code daily-cost}. */
	DAILY_COST("AgentDailyCostBudget", AlertSeverity.CRITICAL, AlertCategory.BUDGET,
			"Today's model cost is above the daily budget.", AlertRule::usd),

	/** Today's tokens passed {@code daily-tokens}. */
	DAILY_TOKENS("AgentDailyTokenBudget", AlertSeverity.CRITICAL, AlertCategory.BUDGET,
			"Today's model tokens are above the daily budget.", AlertRule::tokens),

	/**
	 * Today's model cost reached {@code budget-warning} (a fraction, 0.8 by default) of
	 * {@code daily-cost}.
	 */
	DAILY_COST_WARNING("AgentDailyCostBudgetNearlySpent", AlertSeverity.WARNING, AlertCategory.BUDGET,
			"Today's model cost reached the early-warning share of the daily budget.", AlertRule::usd),

	/**
	 * Today's tokens reached {@code budget-warning} (a fraction, 0.8 by default) of
	 * {@code daily-tokens}.
	 */
	DAILY_TOKENS_WARNING("AgentDailyTokenBudgetNearlySpent", AlertSeverity.WARNING, AlertCategory.BUDGET,
			"Today's model tokens reached the early-warning share of the daily budget.", AlertRule::tokens),

	/**
	 * Runs of an agent were stopped by their budget in the window (or, with
	 * {@code monitoring.budgets.mode=report}, reported): more than 0, with no threshold to set.
	 */
	BUDGET_EXCEEDED("AgentBudgetExceeded", AlertSeverity.WARNING, AlertCategory.BUDGET,
			"Runs of the agent reached a limit of their budget in the window: stopped, or only reported "
					+ "with monitoring.budgets.mode=report.",
			AlertRule::count);

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
	 * Whether a value passes the threshold: is above it, or for the early warnings of the
	 * budgets, has reached it.
	 * @param value the measured value
	 * @param threshold the threshold
	 * @return {@code true} when the alert's condition holds
	 */
	public boolean passes(double value, double threshold) {
		return isEarlyWarning() ? value >= threshold : value > threshold;
	}

	/**
	 * The comparison of {@link #passes}, as PromQL and the summary write it.
	 * @return {@code >} or {@code >=}
	 */
	public String comparison() {
		return isEarlyWarning() ? ">=" : ">";
	}

	private boolean isEarlyWarning() {
		return this == DAILY_COST_WARNING || this == DAILY_TOKENS_WARNING;
	}

	/**
	 * The one-line summary, with what the value is made of after the agent if given:
	 * {@code research-agent 34% > 10%}, {@code research-agent max-tokens 2 > 0}.
	 * @param agent the agent, or {@code null} for all
	 * @param detail what the value is made of, or {@code null}
	 * @param value the measured value
	 * @param threshold the threshold
	 * @return the summary
	 */
	public String summary(@Nullable String agent, @Nullable String detail, double value, double threshold) {
		return ((agent != null) ? agent : "all agents") + ((detail != null) ? " " + detail : "") + " "
				+ format(value) + " " + comparison() + " " + format(threshold);
	}

	private static String count(double count) {
		return Long.toString(Math.round(count));
	}

	private static String usd(double usd) {
		return String.format(Locale.ROOT, "$%.2f", usd);
	}

	private static String tokens(double tokens) {
		return String.format(Locale.ROOT, "%,d", Math.round(tokens));
	}

	static String percent(double fraction) {
		double percent = fraction * 100;
		return (percent == Math.rint(percent)) ? String.format(Locale.ROOT, "%d%%", (long) percent)
				: String.format(Locale.ROOT, "%.1f%%", percent);
	}

}
