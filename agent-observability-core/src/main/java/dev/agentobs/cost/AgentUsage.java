package dev.agentobs.cost;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.agentobs.operation.TokenUsage;

/**
 * What one finished agent run used, and for whom: one record per run (a sub-agent's run has one
 * of its own and is included in its parent's), for an analytics or billing pipeline. Given to
 * {@link AgentUsageListener} beans and, with {@code monitoring.usage.log=true}, logged as one
 * JSON event on the logger {@value AgentUsageListener#LOGGER}. User, tenant and conversation are
 * never metric labels: there are too many of them.
 *
 * @param runId the run's id
 * @param parentRunId the run it is a sub-agent of, or {@code null}: add up only records without
 * one, or a run's cost is counted twice
 * @param agentName the run's agent
 * @param userId the user the run worked for, or {@code null}
 * @param tenantId the tenant the run worked for, or {@code null}
 * @param conversationId the conversation, or {@code null}
 * @param tokens the tokens of its model calls by kind, its sub-agents' included
 * @param cost the cost in USD of its model calls, its sub-agents' included; {@code null} when a
 * model had no price
 * @param modelCalls its model calls
 * @param toolCalls its tool calls
 * @param steps its steps
 * @param endTime when it ended
 * @param duration how long it took
 * @param errorType the error type it failed with ({@code budget_exceeded} when a budget stopped
 * it), or {@code null} on success
 * @since 0.1.0
 */
public record AgentUsage(String runId, @Nullable String parentRunId, String agentName, @Nullable String userId,
		@Nullable String tenantId, @Nullable String conversationId, TokenUsage tokens, @Nullable Double cost,
		long modelCalls, long toolCalls, long steps, Instant endTime, Duration duration, @Nullable String errorType) {

	/**
	 * How the run ended.
	 * @return {@code success}, or the error type
	 */
	public String outcome() {
		return (this.errorType != null) ? this.errorType : "success";
	}

}
