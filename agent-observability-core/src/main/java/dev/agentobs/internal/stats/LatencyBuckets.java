package dev.agentobs.internal.stats;

import java.time.Duration;

/**
 * The bucket layout of every latency histogram: logarithmic buckets whose bounds grow by a
 * constant ratio, so that the value read back for a bucket is within
 * {@value #RELATIVE_ACCURACY} (relative) of every duration recorded in it, from a
 * microsecond to hours, in a fixed number of counters.
 *
 * @since 0.1.0
 */
final class LatencyBuckets {

	/** The largest relative difference between a recorded duration and the one read back. */
	static final double RELATIVE_ACCURACY = 0.009;

	// Bucket i >= 1 holds [MIN * GAMMA^(i-1), MIN * GAMMA^i); reading back MIN * GAMMA^(i-1) * (1 + accuracy)
	// is within the accuracy of both ends.
	private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);

	private static final double LOG_GAMMA = Math.log(GAMMA);

	/** Durations below one microsecond share bucket 0. */
	private static final long MIN_NANOS = 1_000;

	/** About 19.5 hours: longer durations are counted in the last bucket. */
	private static final long MAX_NANOS = 1L << 46;

	/** How many buckets a histogram has. */
	static final int COUNT = index(MAX_NANOS) + 1;

	private LatencyBuckets() {
	}

	/**
	 * The bucket of a duration.
	 * @param nanos the duration in nanoseconds
	 * @return the bucket's index, from 0 to {@link #COUNT} - 1
	 */
	static int index(long nanos) {
		if (nanos < MIN_NANOS) {
			return 0;
		}
		long clamped = Math.min(nanos, MAX_NANOS);
		return 1 + (int) (Math.log((double) clamped / MIN_NANOS) / LOG_GAMMA);
	}

	/**
	 * The duration that stands for every duration in a bucket.
	 * @param index the bucket's index
	 * @return the duration in nanoseconds
	 */
	static long nanos(int index) {
		if (index == 0) {
			return MIN_NANOS / 2;
		}
		return Math.round(MIN_NANOS * Math.pow(GAMMA, index - 1) * (1 + RELATIVE_ACCURACY));
	}

	/**
	 * A percentile of the durations counted in merged buckets, by nearest rank.
	 * @param counts the count of each bucket
	 * @param total the sum of the counts
	 * @param percentile the percentile as a fraction, such as 0.95
	 * @return the percentile, zero when nothing was counted
	 */
	static Duration percentile(long[] counts, long total, double percentile) {
		if (total <= 0) {
			return Duration.ZERO;
		}
		long rank = Math.max(1, (long) Math.ceil(percentile * total));
		long seen = 0;
		for (int i = 0; i < counts.length; i++) {
			seen += counts[i];
			if (seen >= rank) {
				return Duration.ofNanos(nanos(i));
			}
		}
		return Duration.ofNanos(nanos(counts.length - 1));
	}

}
