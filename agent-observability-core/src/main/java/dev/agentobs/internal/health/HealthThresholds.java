package dev.agentobs.internal.health;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

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
		checkMinRequests("minRequests", minRequests);
		checkErrorRate("degradedErrorRate", degradedErrorRate);
		checkErrorRate("downErrorRate", downErrorRate);
		checkDownErrorRate("downErrorRate", downErrorRate, degradedErrorRate);
		checkResponseTime("degradedResponseTime", degradedResponseTime);
	}

	/**
	 * Check the fewest requests for the status to depend on them.
	 * @param name the name to report
	 * @param minRequests the value
	 * @throws IllegalArgumentException naming {@code name}, the value and what would be right
	 */
	public static void checkMinRequests(String name, long minRequests) {
		if (minRequests < 0) {
			throw new IllegalArgumentException(
					name + " must be 0 or more; 0 judges even a single request (10 is a good start), was " + minRequests);
		}
	}

	/**
	 * Check an error rate.
	 * @param name the name to report
	 * @param errorRate the value
	 * @throws IllegalArgumentException naming {@code name}, the value and what would be right
	 */
	public static void checkErrorRate(String name, double errorRate) {
		if (!(errorRate > 0 && errorRate <= 1)) {
			throw new IllegalArgumentException(
					name + " must be a fraction above 0 and at most 1, such as 0.10 for 10%, was " + errorRate);
		}
	}

	/**
	 * Check that the agents get DEGRADED before they go DOWN.
	 * @param name the name of the DOWN error rate to report
	 * @param downErrorRate the error rate at or above which they are DOWN
	 * @param degradedErrorRate the error rate at or above which they are DEGRADED
	 * @throws IllegalArgumentException naming {@code name}, the value and what would be right
	 */
	public static void checkDownErrorRate(String name, double downErrorRate, double degradedErrorRate) {
		if (downErrorRate < degradedErrorRate) {
			throw new IllegalArgumentException(name + " must be at least the degraded error rate (" + degradedErrorRate
					+ "): agents get DEGRADED before they go DOWN, was " + downErrorRate);
		}
	}

	/**
	 * Check the p95 response time at or above which the agents are DEGRADED.
	 * @param name the name to report
	 * @param responseTime the value
	 * @throws IllegalArgumentException naming {@code name}, the value and what would be right
	 */
	public static void checkResponseTime(String name, @Nullable Duration responseTime) {
		if (responseTime == null || responseTime.isNegative() || responseTime.isZero()) {
			throw new IllegalArgumentException(
					name + " must be a positive duration such as 5s or 5000 (milliseconds), was " + responseTime);
		}
	}

}
