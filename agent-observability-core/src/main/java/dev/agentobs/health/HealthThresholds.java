package dev.agentobs.health;

import java.time.Duration;

/**
 * When the agents are DEGRADED or DOWN, from the requests of the window.
 *
 * @param minRequests the fewest requests for the status to depend on them
 * @param degradedErrorRate the error rate, from 0 to 1, at or above which they are DEGRADED
 * @param degradedResponseTime the p95 response time at or above which they are DEGRADED
 * @param downErrorRate the error rate, from 0 to 1, at or above which they are DOWN
 * @since 0.1.0
 */
public record HealthThresholds(long minRequests, double degradedErrorRate, Duration degradedResponseTime,
		double downErrorRate) {

	public HealthThresholds {
		if (minRequests < 0) {
			throw new IllegalArgumentException(
					"monitoring.health.min-requests was " + minRequests + " but must be 0 or more");
		}
		if (!(degradedErrorRate > 0 && degradedErrorRate <= 1)) {
			throw new IllegalArgumentException("monitoring.health.degraded.error-rate was " + degradedErrorRate
					+ " but must be above 0 and at most 1");
		}
		if (!(downErrorRate > 0 && downErrorRate <= 1)) {
			throw new IllegalArgumentException(
					"monitoring.health.down.error-rate was " + downErrorRate + " but must be above 0 and at most 1");
		}
		if (downErrorRate < degradedErrorRate) {
			throw new IllegalArgumentException("monitoring.health.down.error-rate was " + downErrorRate
					+ " but must be at least monitoring.health.degraded.error-rate (" + degradedErrorRate
					+ "): agents get DEGRADED before they go DOWN");
		}
		if (degradedResponseTime == null || degradedResponseTime.isNegative() || degradedResponseTime.isZero()) {
			throw new IllegalArgumentException("monitoring.health.degraded.response-time was " + degradedResponseTime
					+ " but must be a positive duration such as 5s");
		}
	}

}
