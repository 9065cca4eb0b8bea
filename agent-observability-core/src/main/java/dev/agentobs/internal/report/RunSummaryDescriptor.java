package dev.agentobs.internal.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.runs.RecordedRun;
import dev.agentobs.internal.runs.RunTotals;

/**
 * One finished agent run in the list of recent runs.
 *
 * @param runId the run's id
 * @param agent the run's agent
 * @param start when it started, ISO-8601
 * @param duration how long it took, ISO-8601
 * @param failed whether it failed
 * @param errorType the error's type, or {@code null} when it succeeded
 * @param operations how many operations are kept under it, sub-agent runs included
 * @param droppedOperations how many more it had that were not kept
 * @param inputTokens the input tokens of its model calls, cached ones included
 * @param outputTokens their output tokens
 * @param cachedInputTokens their input tokens served from a prompt cache
 * @param cost the cost in USD of its model calls whose model has a price, to six places;
 * {@code null} when none has
 * @param unpricedCalls how many of its model calls have no known cost
 * @param traceId the trace to open it in a tracing backend, or {@code null} when not traced
 * @param conversationId the conversation, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummaryDescriptor(String runId, String agent, String start, String duration, boolean failed,
		@Nullable String errorType, int operations, int droppedOperations, long inputTokens, long outputTokens,
		long cachedInputTokens, @Nullable Double cost, int unpricedCalls, @Nullable String traceId,
		@Nullable String conversationId) {

	/**
	 * Describe a run.
	 * @param run the run
	 * @return its descriptor
	 */
	public static RunSummaryDescriptor of(RecordedRun run) {
		RunTotals totals = run.totals();
		return new RunSummaryDescriptor(run.runId(), run.agent(), run.start().toString(),
				JsonValues.duration(run.duration()), run.failed(), run.root().errorType(), totals.operations(),
				run.droppedOperations(), totals.inputTokens(), totals.outputTokens(), totals.cachedInputTokens(),
				cost(totals.cost()), totals.unpricedCalls(), run.traceId(), run.conversationId());
	}

	static @Nullable Double cost(double cost) {
		return Double.isNaN(cost) ? null : JsonValues.cost(cost);
	}

}
