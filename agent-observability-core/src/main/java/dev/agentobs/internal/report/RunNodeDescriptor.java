package dev.agentobs.internal.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.runs.RunNode;
import dev.agentobs.internal.runs.RunTotals;
import dev.agentobs.operation.AgentOperation;

/**
 * One operation of a run's tree. Tokens and cost are a model call's own, and for any other
 * operation the sums over the model calls under it; absent when there is none.
 *
 * @param kind {@code agent_run}, {@code agent_step}, {@code model_call}, {@code tool_call} or
 * {@code code_execution}
 * @param name the agent of a run or step, the requested model, the tool or the language
 * @param provider the provider of a model call
 * @param toolType the type of a tool call
 * @param step the number of a step
 * @param runId the id of a run
 * @param startOffset when it started, from the start of the run at the top, ISO-8601
 * @param duration how long it took, ISO-8601
 * @param failed whether it failed
 * @param errorType the error's type
 * @param errorMessage the error's message, masked and cut
 * @param inputTokens input tokens, cached ones included
 * @param outputTokens output tokens
 * @param cachedInputTokens input tokens served from a prompt cache
 * @param cost the cost in USD of the model calls whose model has a price, to six places
 * @param unpricedCalls how many model calls have no known cost
 * @param droppedOperations for a run, how many of its own operations were not kept
 * @param children the operations that ran inside it, by start time
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunNodeDescriptor(String kind, String name, @Nullable String provider, @Nullable String toolType,
		@Nullable Integer step, @Nullable String runId, String startOffset, String duration, boolean failed,
		@Nullable String errorType, @Nullable String errorMessage, @Nullable Long inputTokens,
		@Nullable Long outputTokens, @Nullable Long cachedInputTokens, @Nullable Double cost,
		@Nullable Integer unpricedCalls, @Nullable Integer droppedOperations, List<RunNodeDescriptor> children) {

	/**
	 * Describe a tree.
	 * @param top the tree's top: a run
	 * @return its descriptor
	 */
	public static RunNodeDescriptor of(RunNode top) {
		return of(top, top.startMicros());
	}

	private static RunNodeDescriptor of(RunNode node, long runStartMicros) {
		List<RunNodeDescriptor> children = new ArrayList<>(node.children().size());
		for (RunNode child : node.children()) {
			children.add(of(child, runStartMicros));
		}
		AgentOperation.Kind kind = node.kind();
		RunTotals totals = RunTotals.of(node);
		boolean tokens = totals.hasModelCalls();
		return new RunNodeDescriptor(kind.name().toLowerCase(Locale.ROOT), node.name(),
				(kind == AgentOperation.Kind.MODEL_CALL) ? node.detail() : null,
				(kind == AgentOperation.Kind.TOOL_CALL) ? node.detail() : null,
				(kind == AgentOperation.Kind.AGENT_STEP) ? node.step() : null, node.runId(),
				JsonValues.duration(Duration.ofNanos(Math.max(0, node.startMicros() - runStartMicros) * 1000)),
				JsonValues.duration(Duration.ofNanos(node.durationNanos())), node.failed(), node.errorType(),
				node.errorMessage(), tokens ? totals.inputTokens() : null, tokens ? totals.outputTokens() : null,
				tokens ? totals.cachedInputTokens() : null, RunSummaryDescriptor.cost(totals.cost()),
				(totals.unpricedCalls() > 0) ? totals.unpricedCalls() : null,
				(node.droppedOperations() > 0) ? node.droppedOperations() : null, children);
	}

}
