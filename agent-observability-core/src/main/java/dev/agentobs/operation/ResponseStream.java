package dev.agentobs.operation;

import java.time.Duration;

/**
 * How a streamed model answer arrived: how many chunks, and when the first and the last came,
 * measured from the start of the call.
 *
 * @param chunks the chunks received, 0 when the stream ended before its first
 * @param timeToFirstChunk from the start of the call to the first chunk; zero without chunks
 * @param timeToLastChunk from the start of the call to the last chunk; zero without chunks
 * @since 0.1.0
 */
public record ResponseStream(long chunks, Duration timeToFirstChunk, Duration timeToLastChunk) {

	/** A stream that ended before its first chunk. */
	public static final ResponseStream NO_CHUNKS = new ResponseStream(0, Duration.ZERO, Duration.ZERO);

	public ResponseStream {
		OperationChecks.requireCount(chunks, "chunks");
		OperationChecks.requireNonNull(timeToFirstChunk, "timeToFirstChunk");
		OperationChecks.requireNonNull(timeToLastChunk, "timeToLastChunk");
		if (timeToFirstChunk.isNegative() || timeToLastChunk.compareTo(timeToFirstChunk) < 0) {
			throw new IllegalArgumentException("timeToFirstChunk must be 0 or more and timeToLastChunk not before it, was "
					+ timeToFirstChunk + " and " + timeToLastChunk);
		}
	}

	/**
	 * Whether the first chunk arrived.
	 * @return {@code true} with one chunk or more
	 */
	public boolean hasChunks() {
		return this.chunks > 0;
	}

}
