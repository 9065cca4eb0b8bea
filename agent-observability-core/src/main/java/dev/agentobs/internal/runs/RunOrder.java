package dev.agentobs.internal.runs;

import java.util.Comparator;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The orders the recent runs can be listed in.
 *
 * @since 0.1.0
 */
public enum RunOrder {

	/** The latest to finish first. */
	RECENT(null),

	/** The longest first. */
	SLOWEST(Comparator.comparingLong((RecordedRun run) -> run.root().durationNanos()).reversed()),

	/** The most expensive first; runs of unknown cost last. */
	COSTLIEST(Comparator.comparingDouble((RecordedRun run) -> {
		double cost = run.totals().cost();
		return Double.isNaN(cost) ? -1 : cost;
	}).reversed());

	private final @Nullable Comparator<RecordedRun> comparator;

	RunOrder(@Nullable Comparator<RecordedRun> comparator) {
		this.comparator = comparator;
	}

	/**
	 * How to sort runs listed newest first into this order.
	 * @return the comparator, {@code null} to keep them as they are
	 */
	public @Nullable Comparator<RecordedRun> comparator() {
		return this.comparator;
	}

	/**
	 * The order of a name, in any case.
	 * @param name {@code recent}, {@code slowest} or {@code costliest}; {@code null} for recent
	 * @return the order
	 * @throws IllegalArgumentException naming the value and the names allowed
	 */
	public static RunOrder of(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return RECENT;
		}
		for (RunOrder order : values()) {
			if (order.name().equalsIgnoreCase(name.trim())) {
				return order;
			}
		}
		throw new IllegalArgumentException("sort must be recent, slowest or costliest, was " + name);
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
