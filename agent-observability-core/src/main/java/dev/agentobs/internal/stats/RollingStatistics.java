package dev.agentobs.internal.stats;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.support.SaturatingSum;
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
	 * @param input input tokens
	 * @param output output tokens
	 */
	void recordTokens(long slotIndex, long input, long output) {
		if (input == 0 && output == 0) {
			return;
		}
		this.total.addTokens(input, output);
		Slot slot = slot(slotIndex);
		if (slot != null) {
			slot.counters.addTokens(input, output);
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
		long input = 0;
		long output = 0;
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
			input = SaturatingSum.add(input, slot.counters.inputTokens.get());
			output = SaturatingSum.add(output, slot.counters.outputTokens.get());
			min = Math.min(min, slot.counters.minNanos.get());
			max = Math.max(max, slot.counters.maxNanos.get());
			if (slotRequests > 0) {
				histogram = (histogram != null) ? histogram : new long[LatencyBuckets.COUNT];
				for (int bucket = 0; bucket < histogram.length; bucket++) {
					histogram[bucket] += slot.histogram.get(bucket);
				}
			}
		}
		return summary(requests, errors, nanos, input, output, min, max, histogram);
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
		return summary(this.total.requests.sum(), this.total.errors.sum(), this.total.nanos.get(),
				this.total.inputTokens.get(), this.total.outputTokens.get(), this.total.minNanos.get(),
				this.total.maxNanos.get(), histogram);
	}

	/**
	 * How many slots the ring holds, for tests of its bounds.
	 * @return the slot count
	 */
	int slotCount() {
		return this.slots.length();
	}

	private static OperationSummary summary(long requests, long errors, long nanos, long input, long output,
			long min, long max, long @Nullable [] histogram) {
		if (requests == 0) {
			return (input == 0 && output == 0) ? OperationSummary.EMPTY
					: new OperationSummary(0, 0, Duration.ZERO, Duration.ZERO, input, output);
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
		return new OperationSummary(requests, errors, Duration.ofNanos(nanos / requests), Duration.ofNanos(p95), input,
				output);
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

		void addTokens(long input, long output) {
			this.inputTokens.accumulate(input);
			this.outputTokens.accumulate(output);
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
