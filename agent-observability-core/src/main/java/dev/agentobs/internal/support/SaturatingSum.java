package dev.agentobs.internal.support;

/**
 * Addition of counts (nanoseconds, tokens) that stops at {@link Long#MAX_VALUE} instead of
 * wrapping to a negative total: a total that can only be too small is still a total, one that
 * turned negative is nonsense on every endpoint that shows it. For counts that are 0 or more,
 * it is associative and commutative, so it can back a
 * {@link java.util.concurrent.atomic.LongAccumulator}.
 *
 * @since 0.1.0
 */
public final class SaturatingSum {

	private SaturatingSum() {
	}

	/**
	 * The sum of two counts, {@link Long#MAX_VALUE} when it would overflow.
	 * @param a a count, 0 or more
	 * @param b another count, 0 or more
	 * @return their sum, at most {@link Long#MAX_VALUE}
	 */
	public static long add(long a, long b) {
		long sum = a + b;
		// Overflow when both operands have a sign the sum does not have
		return (((a ^ sum) & (b ^ sum)) < 0) ? Long.MAX_VALUE : sum;
	}

}
