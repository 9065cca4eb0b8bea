package dev.agentobs.benchmarks;

import org.junit.jupiter.api.Test;

import dev.agentobs.internal.runs.RecentRuns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory bound of the recent runs that docs/performance.md states: 10,000 runs of 300
 * operations fed through a ring of the default size keep it under 4 MB.
 */
class RecentRunsFootprintTests {

	/** The bound docs/performance.md gives for the default ring. */
	private static final long BOUND = 4_000_000;

	@Test
	void fullRingOfTheDefaultSizeStaysUnderItsBound() throws Exception {
		RecentRunsFootprint.Footprint footprint = RecentRunsFootprint.measure(10_000, RecentRuns.DEFAULT_MAX_RUNS,
				RecentRuns.DEFAULT_MAX_OPERATIONS_PER_RUN);
		// A full ring: every run kept with as many whole steps as fit in its limit (16 of 25 steps)
		assertThat(footprint.nodes()).isEqualTo(RecentRuns.DEFAULT_MAX_RUNS * (16 * 12 + 1));
		assertThat(footprint.retainedBytes()).isPositive().isLessThan(BOUND);
	}

}
