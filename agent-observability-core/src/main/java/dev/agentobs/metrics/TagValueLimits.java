package dev.agentobs.metrics;

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
		if (maxValues < 1) {
			throw new IllegalArgumentException(
					"monitoring.metrics.max-tag-values must be 1 or more, was " + maxValues);
		}
		this.maxValues = maxValues;
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
