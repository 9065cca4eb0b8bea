package dev.agentobs.internal.stream;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.agentobs.operation.ResponseStream;

/**
 * The chunks of one streamed model answer as they arrive: how many, and when the first and
 * the last came. Noted by one thread at a time (a stream's signals come one after the other,
 * on whichever thread) and read by any other: the count is written after the times and read
 * before them, so that a reader who sees a chunk sees its time.
 *
 * @since 0.1.0
 */
public final class ChunkTimes {

	private volatile long count;

	private volatile long firstNanos;

	private volatile long lastNanos;

	/**
	 * Note one chunk.
	 * @param nanos when it came, on the clock the reads measure from
	 */
	public void chunk(long nanos) {
		if (this.count == 0) {
			this.firstNanos = nanos;
		}
		this.lastNanos = nanos;
		this.count++;
	}

	/**
	 * The chunks noted so far.
	 * @return the count
	 */
	public long count() {
		return this.count;
	}

	/**
	 * The time from an origin to the first chunk.
	 * @param originNanos the origin, on the clock of {@link #chunk(long)}
	 * @return the time, never negative, or {@code null} before the first chunk
	 */
	public @Nullable Duration timeToFirst(long originNanos) {
		return (this.count > 0) ? Duration.ofNanos(Math.max(0, this.firstNanos - originNanos)) : null;
	}

	/**
	 * How the answer streamed in so far, measured from an origin.
	 * @param originNanos the origin, usually the start of the call, on the clock of
	 * {@link #chunk(long)}
	 * @return the chunks and their times; {@link ResponseStream#NO_CHUNKS} before the first
	 */
	public ResponseStream since(long originNanos) {
		long chunks = this.count;
		if (chunks == 0) {
			return ResponseStream.NO_CHUNKS;
		}
		long first = Math.max(0, this.firstNanos - originNanos);
		long last = Math.max(first, this.lastNanos - originNanos);
		return new ResponseStream(chunks, Duration.ofNanos(first), Duration.ofNanos(last));
	}

}
