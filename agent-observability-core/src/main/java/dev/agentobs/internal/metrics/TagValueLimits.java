package dev.agentobs.internal.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link TagValueLimiter} per label, shared by everything that keys data by a name from
 * outside the code, so that metrics and statistics cap the same names the same way.
 *
 * @since 0.1.0
 */
public final class TagValueLimits {

	private final int maxValues;

	private final ConcurrentMap<String, TagValueLimiter> limiters = new ConcurrentHashMap<>();

	/**
	 * Create the limits.
	 * @param maxValues how many distinct values each label admits
	 */
	public TagValueLimits(int maxValues) {
		checkMaxValues("maxValues", maxValues);
		this.maxValues = maxValues;
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
