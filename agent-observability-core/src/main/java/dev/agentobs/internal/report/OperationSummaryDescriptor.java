package dev.agentobs.internal.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.agentobs.stats.OperationSummary;

/**
 * A summary of operations: requests, errors, rates, average and p95 response time, and the
 * tokens of model calls (absent for tools, which use none).
 *
 * @param requests how many operations finished
 * @param errors how many of them failed
 * @param successRate the fraction that succeeded, to four places
 * @param errorRate the fraction that failed, to four places
 * @param averageResponseTime their mean duration, ISO-8601
 * @param p95ResponseTime the duration 95% of them did not exceed, ISO-8601
 * @param inputTokens their input tokens, or {@code null} for tools
 * @param outputTokens their output tokens, or {@code null} for tools
 * @param cacheReadTokens their input tokens read from a prompt cache, or {@code null} when none
 * @param cacheWriteTokens their input tokens written to a prompt cache, or {@code null} when none
 * @param reasoningTokens their output tokens spent reasoning, or {@code null} when none
 * @param firstChunks how many were streamed model calls whose first chunk came, or
 * {@code null} when none
 * @param p95TimeToFirstChunk the time to first chunk 95% of those did not exceed, ISO-8601, or
 * {@code null} when none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationSummaryDescriptor(long requests, long errors, double successRate, double errorRate,
		String averageResponseTime, String p95ResponseTime, @Nullable Long inputTokens, @Nullable Long outputTokens,
		@Nullable Long cacheReadTokens, @Nullable Long cacheWriteTokens, @Nullable Long reasoningTokens,
		@Nullable Long firstChunks, @Nullable String p95TimeToFirstChunk) {

	/**
	 * Describe a summary with its tokens.
	 * @param summary the summary
	 * @return its descriptor
	 */
	public static OperationSummaryDescriptor of(OperationSummary summary) {
		return of(summary, true);
	}

	/**
	 * Describe a summary.
	 * @param summary the summary
	 * @param withTokens whether to include the tokens (not for tools)
	 * @return its descriptor
	 */
	public static OperationSummaryDescriptor of(OperationSummary summary, boolean withTokens) {
		return new OperationSummaryDescriptor(summary.requests(), summary.errors(),
				JsonValues.rate(summary.successRate()), JsonValues.rate(summary.errorRate()),
				JsonValues.duration(summary.averageResponseTime()), JsonValues.duration(summary.p95ResponseTime()),
				withTokens ? summary.inputTokens() : null, withTokens ? summary.outputTokens() : null,
				JsonValues.countOrNull(summary.cacheReadTokens()), JsonValues.countOrNull(summary.cacheWriteTokens()),
				JsonValues.countOrNull(summary.reasoningTokens()), JsonValues.countOrNull(summary.firstChunks()),
				(summary.firstChunks() > 0) ? JsonValues.duration(summary.p95TimeToFirstChunk()) : null);
	}

}
