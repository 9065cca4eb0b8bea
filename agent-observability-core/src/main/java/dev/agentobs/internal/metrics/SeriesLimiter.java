package dev.agentobs.internal.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the series of one meter family. The cap on each label's values is not enough: series
 * multiply across labels (100 tools by 100 agents by 2 error types make 20,000). Past the
 * cap, a new combination of label values is recorded in a folded series whose names are all
 * {@value TagValueLimiter#OTHER} (keeping only whether it failed, or the token type), the
 * operations recorded there are counted in {@value #FOLDED} with the family as a label, and
 * one warning names the family. Two series of the cap are kept for the folded ones, so that
 * the family never holds more series than the cap.
 * <p>
 * Asked only when a combination is first met: meters are cached by their names afterwards.
 *
 * @since 0.1.0
 */
public final class SeriesLimiter {

	/** The counter of operations recorded in a folded series: {@code agent_metrics_series_folded_total}. */
	public static final String FOLDED = "agent.metrics.series.folded";

	/** The series of a family kept for the folded ones: failed or not (or input and output tokens). */
	static final int FOLDED_SERIES = 2;

	private static final Logger logger = LoggerFactory.getLogger(SeriesLimiter.class);

	private final String family;

	private final int maxSeries;

	private int series;

	private volatile boolean full;

	private volatile @Nullable Counter folded;

	/**
	 * Create a limiter.
	 * @param family the meter family's name, such as {@code gen_ai.execute_tool.duration}
	 * @param maxSeries how many series the family may hold, folded ones included
	 */
	public SeriesLimiter(String family, int maxSeries) {
		TagValueLimits.checkMaxSeries("maxSeries", maxSeries);
		this.family = family;
		this.maxSeries = maxSeries;
	}

	/**
	 * Whether a new combination of label values may have a series of its own; past the cap,
	 * warn once.
	 * @return {@code true} to register its series, {@code false} to fold it
	 */
	public boolean admit() {
		if (this.full) {
			return false;
		}
		synchronized (this) {
			if (this.series < this.maxSeries - FOLDED_SERIES) {
				this.series++;
				return true;
			}
			if (!this.full) {
				this.full = true;
				logger.warn("Meter family '{}' reached {} series (monitoring.metrics.max-series-per-family); "
						+ "further combinations of label values are recorded with the value {} and counted in {}. "
						+ "Raise the limit if these combinations are expected, otherwise look for names built "
						+ "from user or model input.", this.family, this.maxSeries - FOLDED_SERIES, TagValueLimiter.OTHER,
						"agent_metrics_series_folded_total");
			}
			return false;
		}
	}

	/**
	 * The counter of the operations recorded in this family's folded series.
	 * @param registry where to register it
	 * @return the counter
	 */
	public Counter folded(MeterRegistry registry) {
		Counter counter = this.folded;
		if (counter == null) {
			counter = Counter.builder(FOLDED)
				.description("Operations recorded in a folded series because their meter family reached "
						+ "monitoring.metrics.max-series-per-family")
				.tag("family", this.family)
				.register(registry);
			this.folded = counter;
		}
		return counter;
	}

	/**
	 * How many series were admitted, for tests of the cap.
	 * @return the count
	 */
	int series() {
		return this.series;
	}

}
