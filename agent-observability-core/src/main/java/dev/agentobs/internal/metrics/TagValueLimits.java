package dev.agentobs.internal.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link TagValueLimiter} per label, shared by everything that keys data by a name from
 * outside the code, so that metrics and statistics cap the same names the same way; and one
 * {@link SeriesLimiter} per meter family.
 *
 * @since 0.1.0
 */
public final class TagValueLimits {

	/** How many series a meter family holds unless configured otherwise. */
	public static final int DEFAULT_MAX_SERIES_PER_FAMILY = 500;

	private final int maxValues;

	private final int maxSeriesPerFamily;

	private final ConcurrentMap<String, TagValueLimiter> limiters = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, SeriesLimiter> families = new ConcurrentHashMap<>();

	/**
	 * Create the limits, with {@value #DEFAULT_MAX_SERIES_PER_FAMILY} series per meter family.
	 * @param maxValues how many distinct values each label admits
	 */
	public TagValueLimits(int maxValues) {
		this(maxValues, DEFAULT_MAX_SERIES_PER_FAMILY);
	}

	/**
	 * Create the limits.
	 * @param maxValues how many distinct values each label admits
	 * @param maxSeriesPerFamily how many series each meter family holds
	 */
	public TagValueLimits(int maxValues, int maxSeriesPerFamily) {
		checkMaxValues("maxValues", maxValues);
		checkMaxSeries("maxSeriesPerFamily", maxSeriesPerFamily);
		this.maxValues = maxValues;
		this.maxSeriesPerFamily = maxSeriesPerFamily;
	}

	/**
	 * Check how many distinct values a label may admit: the rule of this class and of
	 * {@link TagValueLimiter}, for code that reads the limit from configuration.
	 * @param name the name to report, such as {@code maxValues}
	 * @param maxValues how many distinct values each label admits
	 * @throws IllegalArgumentException naming {@code name}, the value and what would be right
	 */
	public static void checkMaxValues(String name, int maxValues) {
		if (maxValues < 1) {
			throw new IllegalArgumentException(
					name + " must be 1 or more; it caps the series per label (100 is a good start), was " + maxValues);
		}
	}

	/**
	 * Check how many series a meter family may hold: the rule of this class and of
	 * {@link SeriesLimiter}, for code that reads the limit from configuration.
	 * @param name the name to report, such as {@code maxSeriesPerFamily}
	 * @param maxSeries how many series each meter family holds
	 * @throws IllegalArgumentException naming {@code name}, the value and what would be right
	 */
	public static void checkMaxSeries(String name, int maxSeries) {
		if (maxSeries < 10) {
			throw new IllegalArgumentException(name + " must be 10 or more; it caps the series per meter family, "
					+ "2 of them kept for the folded series (" + DEFAULT_MAX_SERIES_PER_FAMILY
					+ " is a good start), was " + maxSeries);
		}
	}

	/**
	 * The limiter of one meter family's series.
	 * @param family the family's name, such as {@code gen_ai.execute_tool.duration}
	 * @return its limiter
	 */
	public SeriesLimiter forFamily(String family) {
		SeriesLimiter limiter = this.families.get(family);
		return (limiter != null) ? limiter
				: this.families.computeIfAbsent(family, (key) -> new SeriesLimiter(key, this.maxSeriesPerFamily));
	}

	/**
	 * The limiter of one label.
	 * @param label the label's name, such as {@code gen_ai.tool.name}
	 * @return its limiter
	 */
	public TagValueLimiter forLabel(String label) {
		TagValueLimiter limiter = this.limiters.get(label);
		return (limiter != null) ? limiter
				: this.limiters.computeIfAbsent(label, (key) -> new TagValueLimiter(key, this.maxValues));
	}

}
