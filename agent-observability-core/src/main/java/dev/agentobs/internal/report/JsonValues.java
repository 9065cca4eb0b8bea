package dev.agentobs.internal.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * How numbers read in JSON, the same in the health details and every endpoint whatever
 * mapper writes them: durations as ISO-8601 strings ({@code PT1.25S}), rates as fractions
 * from 0 to 1, costs in USD.
 *
 * @since 0.1.0
 */
public final class JsonValues {

	private JsonValues() {
	}

	/**
	 * A duration as ISO-8601, to the millisecond (to the microsecond below a millisecond).
	 * @param duration the duration
	 * @return such as {@code PT1.25S}
	 */
	public static String duration(Duration duration) {
		ChronoUnit unit = (duration.compareTo(Duration.ofMillis(1)) >= 0) ? ChronoUnit.MILLIS : ChronoUnit.MICROS;
		return duration.truncatedTo(unit).toString();
	}

	/**
	 * A fraction to four decimal places.
	 * @param rate the fraction
	 * @return the rounded fraction
	 */
	public static double rate(double rate) {
		return round(rate, 4);
	}

	/**
	 * An amount of USD to six decimal places.
	 * @param cost the amount
	 * @return the rounded amount
	 */
	public static double cost(double cost) {
		return round(cost, 6);
	}

	private static double round(double value, int places) {
		return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
	}

	/**
	 * A count as a JSON value present only when there is something to count.
	 * @param count the count
	 * @return the count, or {@code null} when 0
	 */
	public static @Nullable Long countOrNull(long count) {
		return (count != 0) ? count : null;
	}

}
