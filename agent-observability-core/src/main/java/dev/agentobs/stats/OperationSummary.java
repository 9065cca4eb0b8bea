package dev.agentobs.stats;

import java.time.Duration;

/**
 * What a set of operations amounts to: how many, how many failed, how long they took and the
 * tokens they used.
 *
 * @param requests how many operations finished
 * @param errors how many of them failed
 * @param averageResponseTime their mean duration
 * @param p95ResponseTime the duration 95% of them did not exceed, within 1%
 * @param inputTokens the input tokens of model calls among them
 * @param outputTokens the output tokens of model calls among them
 * @param cacheReadTokens the input tokens among them read from a prompt cache
 * @param cacheWriteTokens the input tokens among them written to a prompt cache
 * @param reasoningTokens the output tokens among them spent reasoning
 * @param firstChunks how many of them were streamed model calls whose first chunk came
 * @param p95TimeToFirstChunk the time to first chunk 95% of those did not exceed, within 1%;
 * zero without any
 * @since 0.1.0
 */
public record OperationSummary(long requests, long errors, Duration averageResponseTime, Duration p95ResponseTime,
		long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens, long reasoningTokens,
		long firstChunks, Duration p95TimeToFirstChunk) {

	/** No operations at all. */
	public static final OperationSummary EMPTY = new OperationSummary(0, 0, Duration.ZERO, Duration.ZERO, 0, 0);

	/**
	 * A summary of operations none of which streamed, used a prompt cache or reasoned.
	 * @param requests how many operations finished
	 * @param errors how many of them failed
	 * @param averageResponseTime their mean duration
	 * @param p95ResponseTime the duration 95% of them did not exceed
	 * @param inputTokens the input tokens of model calls among them
	 * @param outputTokens the output tokens of model calls among them
	 */
	public OperationSummary(long requests, long errors, Duration averageResponseTime, Duration p95ResponseTime,
			long inputTokens, long outputTokens) {
		this(requests, errors, averageResponseTime, p95ResponseTime, inputTokens, outputTokens, 0, 0, 0, 0,
				Duration.ZERO);
	}

	/**
	 * This summary with the times to first chunk of its streamed model calls.
	 * @param firstChunks the summary of the times to first chunk: its request count and p95
	 * @return the summary with them
	 */
	public OperationSummary withFirstChunks(OperationSummary firstChunks) {
		return (firstChunks.requests() == 0) ? this
				: new OperationSummary(this.requests, this.errors, this.averageResponseTime, this.p95ResponseTime,
						this.inputTokens, this.outputTokens, this.cacheReadTokens, this.cacheWriteTokens,
						this.reasoningTokens, firstChunks.requests(), firstChunks.p95ResponseTime());
	}

	/**
	 * The fraction of operations that failed.
	 * @return from 0 to 1; 0 when there were none
	 */
	public double errorRate() {
		return (this.requests > 0) ? (double) this.errors / this.requests : 0;
	}

	/**
	 * The fraction of operations that succeeded.
	 * @return from 0 to 1; 1 when there were none
	 */
	public double successRate() {
		return 1 - errorRate();
	}

}
