package dev.agentobs.internal.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the distinct values of one label. Names that come from outside the code (tools an LLM
 * chose, agent names) could otherwise create series without end: past the limit, new values
 * become {@value #OTHER}, with one warning naming the label.
 *
 * @since 0.1.0
 */
public final class TagValueLimiter {

	/** The value that stands for every value past the limit. */
	public static final String OTHER = "_OTHER";

	/** The value of a label whose value is not known, such as the agent of a call outside any run. */
	public static final String UNKNOWN = "unknown";

	private static final Logger logger = LoggerFactory.getLogger(TagValueLimiter.class);

	private final String label;

	private final int maxValues;

	private final Set<String> admitted = ConcurrentHashMap.newKeySet();

	private volatile boolean full;

	/**
	 * Create a limiter.
	 * @param label the label's name, for the warning
	 * @param maxValues how many distinct values to admit
	 */
	public TagValueLimiter(String label, int maxValues) {
		TagValueLimits.checkMaxValues("maxValues", maxValues);
		this.label = label;
		this.maxValues = maxValues;
	}

	/**
	 * The value to record for the given one.
	 * @param value the value seen
	 * @return the value itself while it is one of the admitted ones, {@value #OTHER} otherwise
	 */
	public String limit(String value) {
		if (this.admitted.contains(value)) {
			return value;
		}
		return this.full ? OTHER : admit(value);
	}

	/**
	 * The value to record for the given one, which may not be known.
	 * @param value the value seen, or {@code null}
	 * @return {@value #UNKNOWN} for {@code null}, else as {@link #limit(String)}
	 */
	public String limitOrUnknown(@Nullable String value) {
		return (value != null) ? limit(value) : UNKNOWN;
	}

	private synchronized String admit(String value) {
		if (this.admitted.contains(value)) {
			return value;
		}
		if (this.admitted.size() >= this.maxValues) {
			if (!this.full) {
				this.full = true;
				logger.warn("Label '{}' reached {} distinct values (monitoring.metrics.max-tag-values); "
						+ "further values are recorded as {}. Raise the limit if these names are expected, "
						+ "otherwise look for names built from user or model input.", this.label, this.maxValues,
						OTHER);
			}
			return OTHER;
		}
		this.admitted.add(value);
		return value;
	}

	/**
	 * How many distinct values were admitted.
	 * @return the count, at most the limit
	 */
	public int size() {
		return this.admitted.size();
	}

}
