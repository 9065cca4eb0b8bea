package dev.agentobs.internal.report;

import java.util.List;

import dev.agentobs.internal.alert.AlertThresholds;

/**
 * The firing and recently resolved alerts and the thresholds they are judged by, as
 * {@code /actuator/agentalerts} shows them.
 *
 * @param firing the alerts firing now
 * @param resolved the last resolved alerts
 * @param thresholds the application's thresholds
 * @since 0.1.0
 */
public record AlertsDescriptor(List<AlertDescriptor> firing, List<AlertDescriptor> resolved,
		Thresholds thresholds) {

	/**
	 * The thresholds of the rules.
	 *
	 * @param errorRate the share of failed runs, 0 to 1
	 * @param responseTime the p95 latency of runs, ISO-8601
	 * @param failureCount failed runs in the window
	 * @param dailyCost model cost today, in USD
	 * @param dailyTokens model tokens today
	 * @param budgetWarning the share of each daily budget at which its early warning fires
	 */
	public record Thresholds(double errorRate, String responseTime, long failureCount, double dailyCost,
			long dailyTokens, double budgetWarning) {

		/**
		 * Describe thresholds.
		 * @param thresholds the thresholds
		 * @return their descriptor
		 */
		public static Thresholds of(AlertThresholds thresholds) {
			return new Thresholds(thresholds.errorRate(), JsonValues.duration(thresholds.responseTime()),
					thresholds.failureCount(), thresholds.dailyCost(), thresholds.dailyTokens(),
					thresholds.budgetWarning());
		}

	}

}
