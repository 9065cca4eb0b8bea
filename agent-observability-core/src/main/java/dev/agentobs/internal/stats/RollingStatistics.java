package dev.agentobs.internal.stats;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.support.SaturatingSum;
import dev.agentobs.operation.TokenUsage;
import dev.agentobs.stats.OperationSummary;

/**
 * The statistics of one agent, model or tool (or of everything): a ring of time slots that
 * make up the rolling window, and totals since it was created. Recording is lock-free and
 * exact under concurrency: counts are {@link LongAdder}s, sums of durations and tokens
 * accumulators that stop at {@code Long.MAX_VALUE}, histogram buckets atomic integers, and a slot that has left the window is replaced, never cleared, so that no
 * count recorded into the window is lost. Its memory is fixed whatever is recorded.
 *
 * @since 0.1.0
 */
final class RollingStatistics {

	// Input, output, cache read, cache write and reasoning
	private static final int TOKEN_KINDS = 5;

	private final AtomicReferenceArray<@Nullable Slot> slots;

	private final Counters total = new Counters();

	private final AtomicLongArray totalHistogram = new AtomicLongArray(LatencyBuckets.COUNT);

	/**
	 * Create empty statistics.
	 * @param slotCount how many slots the ring holds: the slots in the window
	 */
	RollingStatistics(int slotCount) {
		this.slots = new AtomicReferenceArray<>(slotCount);
	}

	/**
	 * Count one finished operation.
	 * @param slotIndex the time slot it finished in
	 * @param nanos its duration
	 * @param failed whether it failed
	 */
	void record(long slotIndex, long nanos, boolean failed) {
		int bucket = LatencyBuckets.index(nanos);
		this.total.add(nanos, failed);
		this.totalHistogram.incrementAndGet(bucket);
		Slot slot = slot(slotIndex);
		if (slot != null) {
			slot.counters.add(nanos, failed);
			slot.histogram.incrementAndGet(bucket);
		}
	}

	/**
	 * Count tokens used, without counting an operation.
	 * @param slotIndex the time slot they were used in
	 * @param tokens the tokens
	 */
	void recordTokens(long slotIndex, TokenUsage tokens) {
		if (tokens == TokenUsage.NONE) {
			return;
		}
		this.total.addTokens(tokens);
		Slot slot = slot(slotIndex);
		if (slot != null) {
			slot.counters.addTokens(tokens);
		}
	}

	private @Nullable Slot slot(long index) {
		int position = (int) (index % this.slots.length());
		while (true) {
			Slot slot = this.slots.get(position);
			if (slot != null && slot.index >= index) {
				// Older than the slot there now (a clock set back): too old for the window.
				return (slot.index == index) ? slot : null;
			}
			Slot fresh = new Slot(index);
			if (this.slots.compareAndSet(position, slot, fresh)) {
				return fresh;
			}
		}
	}

	/**
	 * The operations of the window ending with the given slot.
	 * @param currentIndex the current slot
	 * @return their summary
	 */
	OperationSummary window(long currentIndex) {
		long oldest = currentIndex - this.slots.length() + 1;
		long[] histogram = null;
		long requests = 0;
		long errors = 0;
		long nanos = 0;
		long[] tokens = new long[TOKEN_KINDS];
		long min = Long.MAX_VALUE;
		long max = 0;
		for (int i = 0; i < this.slots.length(); i++) {
			Slot slot = this.slots.get(i);
			if (slot == null || slot.index < oldest || slot.index > currentIndex) {
				continue;
			}
			long slotRequests = slot.counters.requests.sum();
			requests += slotRequests;
			errors += slot.counters.errors.sum();
			nanos = SaturatingSum.add(nanos, slot.counters.nanos.get());
			slot.counters.addTokensTo(tokens);
			min = Math.min(min, slot.counters.minNanos.get());
			max = Math.max(max, slot.counters.maxNanos.get());
			if (slotRequests > 0) {
				histogram = (histogram != null) ? histogram : new long[LatencyBuckets.COUNT];
				for (int bucket = 0; bucket < histogram.length; bucket++) {
					histogram[bucket] += slot.histogram.get(bucket);
				}
			}
		}
		return summary(requests, errors, nanos, tokens, min, max, histogram);
	}

	/**
	 * The operations since these statistics were created.
	 * @return their summary
	 */
	OperationSummary total() {
		long[] histogram = new long[LatencyBuckets.COUNT];
		for (int bucket = 0; bucket < histogram.length; bucket++) {
			histogram[bucket] = this.totalHistogram.get(bucket);
		}
		long[] tokens = new long[TOKEN_KINDS];
		this.total.addTokensTo(tokens);
		return summary(this.total.requests.sum(), this.total.errors.sum(), this.total.nanos.get(), tokens,
				this.total.minNanos.get(), this.total.maxNanos.get(), histogram);
	}

	/**
	 * How many slots the ring holds, for tests of its bounds.
	 * @return the slot count
	 */
	int slotCount() {
		return this.slots.length();
	}

	private static OperationSummary summary(long requests, long errors, long nanos, long[] tokens, long min,
			long max, long @Nullable [] histogram) {
		if (requests == 0) {
			return isZero(tokens) ? OperationSummary.EMPTY
					: summary(0, 0, Duration.ZERO, Duration.ZERO, tokens);
		}
		// The histogram's sum may run ahead of the counters read a moment earlier: rank by its own.
		long counted = 0;
		if (histogram != null) {
			for (long count : histogram) {
				counted += count;
			}
		}
		long p95 = (histogram != null) ? LatencyBuckets.percentile(histogram, counted, 0.95).toNanos() : 0;
		if (min <= max) {
			p95 = Math.max(min, Math.min(p95, max));
		}
		return summary(requests, errors, Duration.ofNanos(nanos / requests), Duration.ofNanos(p95), tokens);
	}

	private static OperationSummary summary(long requests, long errors, Duration average, Duration p95,
			long[] tokens) {
		return new OperationSummary(requests, errors, average, p95, tokens[0], tokens[1], tokens[2], tokens[3],
				tokens[4], 0, Duration.ZERO);
	}

	private static boolean isZero(long[] tokens) {
		for (long count : tokens) {
			if (count != 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Counters of operations and tokens.
	 */
	private static final class Counters {

		final LongAdder requests = new LongAdder();

		final LongAdder errors = new LongAdder();

		// Sums that stop at Long.MAX_VALUE: durations of centuries or absurd token counts leave a
		// total too small, never a negative one.
		final LongAccumulator nanos = new LongAccumulator(SaturatingSum::add, 0);

		final LongAccumulator inputTokens = new LongAccumulator(SaturatingSum::add, 0);

		final LongAccumulator outputTokens = new LongAccumulator(SaturatingSum::add, 0);

		final LongAccumulator cacheReadTokens = new LongAccumulator(SaturatingSum::add, 0);

		final LongAccumulator cacheWriteTokens = new LongAccumulator(SaturatingSum::add, 0);

		final LongAccumulator reasoningTokens = new LongAccumulator(SaturatingSum::add, 0);

		// The extremes keep the p95 read from buckets within what was recorded (exact for one value).
		final LongAccumulator minNanos = new LongAccumulator(Math::min, Long.MAX_VALUE);

		final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

		void add(long nanos, boolean failed) {
			this.requests.increment();
			this.nanos.accumulate(nanos);
			this.minNanos.accumulate(nanos);
			this.maxNanos.accumulate(nanos);
			if (failed) {
				this.errors.increment();
			}
		}

		void addTokens(TokenUsage tokens) {
			this.inputTokens.accumulate(tokens.input());
			this.outputTokens.accumulate(tokens.output());
			if (tokens.cachedInput() > 0) {
				this.cacheReadTokens.accumulate(tokens.cachedInput());
			}
			if (tokens.cacheWriteInput() > 0) {
				this.cacheWriteTokens.accumulate(tokens.cacheWriteInput());
			}
			if (tokens.reasoningOutput() > 0) {
				this.reasoningTokens.accumulate(tokens.reasoningOutput());
			}
		}

		/**
		 * Add the token counts to sums in the order input, output, cache read, cache write,
		 * reasoning.
		 */
		void addTokensTo(long[] sums) {
			sums[0] = SaturatingSum.add(sums[0], this.inputTokens.get());
			sums[1] = SaturatingSum.add(sums[1], this.outputTokens.get());
			sums[2] = SaturatingSum.add(sums[2], this.cacheReadTokens.get());
			sums[3] = SaturatingSum.add(sums[3], this.cacheWriteTokens.get());
			sums[4] = SaturatingSum.add(sums[4], this.reasoningTokens.get());
		}

	}

	/**
	 * The operations of one time slot.
	 */
	private static final class Slot {

		final long index;

		final Counters counters = new Counters();

		final AtomicIntegerArray histogram = new AtomicIntegerArray(LatencyBuckets.COUNT);

		Slot(long index) {
			this.index = index;
		}

	}

}
