package dev.agentobs.internal.alert;

import java.math.BigDecimal;
import java.time.Duration;

import dev.agentobs.alert.AlertRule;

/**
 * The thresholds of the rules.
 *
 * @param errorRate the share of failed runs, 0 to 1
 * @param responseTime the p95 latency of runs
 * @param failureCount failed runs in the window
 * @param dailyCost model cost today, in USD
 * @param dailyTokens model tokens today
 * @param budgetWarning the share of each daily budget, above 0 and up to 1, at which its early
 * warning fires
 * @since 0.1.0
 */
public record AlertThresholds(double errorRate, Duration responseTime, long failureCount, double dailyCost,
		long dailyTokens, double budgetWarning) {

	/**
	 * The threshold of one rule, in the rule's unit (seconds for latency).
	 * @param rule the rule
	 * @return the threshold
	 */
	public double of(AlertRule rule) {
		return switch (rule) {
			case HIGH_ERROR_RATE -> this.errorRate;
			case HIGH_LATENCY -> this.responseTime.toNanos() / 1e9;
			case FAILURE_SPIKE -> this.failureCount;
			case DAILY_COST -> this.dailyCost;
			case DAILY_TOKENS -> this.dailyTokens;
			case DAILY_COST_WARNING -> share(this.dailyCost);
			case DAILY_TOKENS_WARNING -> share(this.dailyTokens);
			// Any stop is one too many: no threshold to set
			case BUDGET_EXCEEDED -> 0;
		};
	}

	// In decimal, so that 80% of $0.30 is 0.24 in the process and in PromQL alike, not 0.24000000000000002
	private double share(double budget) {
		return BigDecimal.valueOf(budget).multiply(BigDecimal.valueOf(this.budgetWarning)).doubleValue();
	}

}
