package dev.agentobs.internal.alert;

import java.time.Duration;

import dev.agentobs.alert.AlertRule;

/**
 * The thresholds of the five rules.
 *
 * @param errorRate the share of failed runs, 0 to 1
 * @param responseTime the p95 latency of runs
 * @param failureCount failed runs in the window
 * @param dailyCost model cost today, in USD
 * @param dailyTokens model tokens today
 * @since 0.1.0
 */
public record AlertThresholds(double errorRate, Duration responseTime, long failureCount, double dailyCost,
		long dailyTokens) {

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
		};
	}

}
