package dev.agentobs.operation;

import org.jspecify.annotations.Nullable;

/**
 * Where an operation ran: the agent and run it belongs to, the conversation, and its own span
 * when it was traced. Every value is {@code null} when not known.
 *
 * @param agentName the agent the operation ran in, or for a run, the agent itself
 * @param agentId the agent's unique id, when the application gave one
 * @param runId the id of the agent run the operation belongs to
 * @param conversationId the conversation the operation belongs to
 * @param traceId the trace the operation's span belongs to
 * @param spanId the operation's own span
 * @since 0.1.0
 */
public record OperationScope(@Nullable String agentName, @Nullable String agentId, @Nullable String runId,
		@Nullable String conversationId, @Nullable String traceId, @Nullable String spanId) {

	/** An operation outside any agent, run, conversation or span. */
	public static final OperationScope NONE = new OperationScope(null, null, null, null, null, null);

	public OperationScope {
		agentName = OperationChecks.cut(agentName);
	}

}
