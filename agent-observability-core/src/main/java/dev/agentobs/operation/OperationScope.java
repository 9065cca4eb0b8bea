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
 * @param operationId the number that tells the operation apart from every other one of the
 * process, whether or not it was traced; 0 when it has none (it ran outside any agent run, or
 * was recorded without one)
 * @param parentOperationId the {@code operationId} of the operation it ran inside, such as the
 * step of a tool call or the tool call that ran a sub-agent; 0 when it ran inside no operation
 * of a run, or the recorder did not say
 * @since 0.1.0
 */
public record OperationScope(@Nullable String agentName, @Nullable String agentId, @Nullable String runId,
		@Nullable String conversationId, @Nullable String traceId, @Nullable String spanId, long operationId,
		long parentOperationId) {

	/** An operation outside any agent, run, conversation or span. */
	public static final OperationScope NONE = new OperationScope(null, null, null, null, null, null);

	public OperationScope {
		agentName = OperationChecks.cut(agentName);
	}

	/**
	 * A scope without operation numbers: the operation's place in its run is known by its run
	 * id alone.
	 * @param agentName the agent the operation ran in, or for a run, the agent itself
	 * @param agentId the agent's unique id, when the application gave one
	 * @param runId the id of the agent run the operation belongs to
	 * @param conversationId the conversation the operation belongs to
	 * @param traceId the trace the operation's span belongs to
	 * @param spanId the operation's own span
	 */
	public OperationScope(@Nullable String agentName, @Nullable String agentId, @Nullable String runId,
			@Nullable String conversationId, @Nullable String traceId, @Nullable String spanId) {
		this(agentName, agentId, runId, conversationId, traceId, spanId, 0, 0);
	}

}
