package dev.agentobs.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import dev.agentobs.internal.health.HealthThresholds;

/**
 * The agents health indicator, under {@code monitoring.health.*}: its status from the error
 * rate and the 95th percentile response time of the requests in the window. A request is an
 * agent run, or a model call, tool call or code execution outside any agent run.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("monitoring.health")
public class AgentHealthProperties implements Validator {

	/**
	 * The fewest requests in the window for the status to depend on them; with fewer the
	 * indicator is UP and says the data is insufficient.
	 */
	private int minRequests = 10;

	private final Degraded degraded = new Degraded();

	private final Down down = new Down();

	public int getMinRequests() {
		return this.minRequests;
	}

	public void setMinRequests(int minRequests) {
		this.minRequests = minRequests;
	}

	public Degraded getDegraded() {
		return this.degraded;
	}

	public Down getDown() {
		return this.down;
	}

	/**
	 * The thresholds these properties give.
	 * @return the thresholds
	 */
	HealthThresholds toThresholds() {
		return new HealthThresholds(this.minRequests, this.degraded.errorRate, this.degraded.responseTime,
				this.down.errorRate);
	}

	@Override
	public boolean supports(Class<?> type) {
		return AgentHealthProperties.class == type || Degraded.class == type || Down.class == type;
	}

	@Override
	public void validate(Object target, Errors errors) {
		if (target instanceof AgentHealthProperties health) {
			PropertyErrors.check(errors, "min-requests",
					() -> HealthThresholds.checkMinRequests("min-requests", health.minRequests));
			// The one rule across the groups, judged where both are in sight
			PropertyErrors.check(errors, "down.error-rate", health.down.errorRate, () -> HealthThresholds
				.checkDownErrorRate("down.error-rate", health.down.errorRate, health.degraded.errorRate));
		}
		else if (target instanceof Degraded degraded) {
			PropertyErrors.check(errors, "error-rate",
					() -> HealthThresholds.checkErrorRate("error-rate", degraded.errorRate));
			PropertyErrors.check(errors, "response-time",
					() -> HealthThresholds.checkResponseTime("response-time", degraded.responseTime));
		}
		else if (target instanceof Down down) {
			PropertyErrors.check(errors, "error-rate", () -> HealthThresholds.checkErrorRate("error-rate", down.errorRate));
		}
	}

	/**
	 * When the agents health indicator reports DEGRADED (HTTP 200).
	 */
	public static class Degraded {

		/**
		 * The fraction of failed requests in the window, from 0 to 1, at or above which the
		 * agents are DEGRADED.
		 */
		private double errorRate = 0.10;

		/**
		 * The 95th percentile response time of the requests in the window at or above which
		 * the agents are DEGRADED. A bare number is read as milliseconds.
		 */
		@DurationUnit(ChronoUnit.MILLIS)
		private Duration responseTime = Duration.ofSeconds(5);

		public double getErrorRate() {
			return this.errorRate;
		}

		public void setErrorRate(double errorRate) {
			this.errorRate = errorRate;
		}

		public Duration getResponseTime() {
			return this.responseTime;
		}

		public void setResponseTime(Duration responseTime) {
			this.responseTime = responseTime;
		}

	}

	/**
	 * When the agents health indicator reports DOWN (HTTP 503).
	 */
	public static class Down {

		/**
		 * The fraction of failed requests in the window, from 0 to 1, at or above which the
		 * agents are DOWN. At least the degraded error rate.
		 */
		private double errorRate = 0.50;

		public double getErrorRate() {
			return this.errorRate;
		}

		public void setErrorRate(double errorRate) {
			this.errorRate = errorRate;
		}

	}

}
