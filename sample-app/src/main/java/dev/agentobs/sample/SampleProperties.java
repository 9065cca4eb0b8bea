package dev.agentobs.sample;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the sample under {@code sample.*}: how the simulated model behaves and how
 * much background traffic the service makes for itself. A bad value stops start-up with a
 * message naming the key and the range it must be in.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("sample")
@Validated
public class SampleProperties {

	@Valid
	private final Llm llm = new Llm();

	@Valid
	private final Traffic traffic = new Traffic();

	public Llm getLlm() {
		return this.llm;
	}

	public Traffic getTraffic() {
		return this.traffic;
	}

	/**
	 * The simulated chat model.
	 */
	public static class Llm {

		private static final String FAILURE_RATE_RANGE = "sample.llm.failure-rate must be between 0 and 1 "
				+ "(0.02 fails one call in fifty), was ${validatedValue}";

		/**
		 * How long gpt-4o takes to answer, give or take a quarter; gpt-4o-mini answers in
		 * half the time.
		 */
		@NotNull(message = "sample.llm.latency must be set, such as 200ms")
		@DurationMin(millis = 0, message = "sample.llm.latency must be 0ms or more")
		@DurationMax(minutes = 1,
				message = "sample.llm.latency must be at most 1m (200ms is a realistic start)")
		private Duration latency = Duration.ofMillis(200);

		/**
		 * The share of model calls that fail with a timeout or a rate limit, from 0 (none) to
		 * 1 (all).
		 */
		@DecimalMin(value = "0.0", message = FAILURE_RATE_RANGE)
		@DecimalMax(value = "1.0", message = FAILURE_RATE_RANGE)
		private double failureRate = 0.02;

		public Duration getLatency() {
			return this.latency;
		}

		public void setLatency(Duration latency) {
			this.latency = latency;
		}

		public double getFailureRate() {
			return this.failureRate;
		}

		public void setFailureRate(double failureRate) {
			this.failureRate = failureRate;
		}

	}

	/**
	 * The background traffic generator.
	 */
	public static class Traffic {

		private static final String RATE_RANGE = "sample.traffic.rate must be between 0 (off) and 20 runs per second, "
				+ "was ${validatedValue}";

		/**
		 * Research runs started per second in the background, with varied questions; 0 turns
		 * the generator off.
		 */
		@DecimalMin(value = "0.0", message = RATE_RANGE)
		@DecimalMax(value = "20.0", message = RATE_RANGE)
		private double rate = 1;

		public double getRate() {
			return this.rate;
		}

		public void setRate(double rate) {
			this.rate = rate;
		}

	}

}
