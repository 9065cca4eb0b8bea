package dev.agentobs.api;

import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.agentobs.cost.AgentBudget;
import dev.agentobs.observation.AgentRunContext;
import dev.agentobs.observation.DefaultAgentRunObservationConvention;

/**
 * An agent run to observe. Steps, model calls and tool calls observed inside it belong to it.
 *
 * @since 0.1.0
 */
public final class AgentRunObservation extends ObservedOperation<AgentRunObservation, AgentRunContext> {

	static final AgentRunObservation NOOP = new AgentRunObservation(null, null, null);

	AgentRunObservation(@Nullable ObservationRegistry registry, @Nullable AgentRunContext context,
			@Nullable ObservationConvention<AgentRunContext> convention) {
		super(registry, context, convention);
	}

	@Override
	protected ObservationConvention<AgentRunContext> defaultConvention() {
		return DefaultAgentRunObservationConvention.INSTANCE;
	}

	/**
	 * Set the conversation (session, thread) the run belongs to.
	 * @param conversationId the conversation id, {@code null} for none
	 * @return this
	 */
	public AgentRunObservation conversationId(@Nullable String conversationId) {
		AgentRunContext context = context();
		if (context != null) {
			context.setConversationId(conversationId);
		}
		return this;
	}

	/**
	 * Set the agent's unique id, when the application has one beside its name.
	 * @param agentId the agent id, {@code null} for none
	 * @return this
	 */
	public AgentRunObservation agentId(@Nullable String agentId) {
		AgentRunContext context = context();
		if (context != null) {
			context.setAgentId(agentId);
		}
		return this;
	}

	/**
	 * Give this run a budget: once the run (its sub-agents included) has spent it, the next
	 * step, model call or tool call started in it throws
	 * {@link dev.agentobs.cost.AgentBudgetExceededException} before its work runs. Limits not
	 * set here come from {@code monitoring.budgets.agents.<agent>}.
	 * @param budget the budget, {@code null} for the configured one only
	 * @return this
	 */
	public AgentRunObservation budget(@Nullable AgentBudget budget) {
		AgentRunContext context = context();
		if (context != null) {
			context.setBudget(budget);
		}
		return this;
	}

	/**
	 * Set the user the run works for, for its usage record ({@link dev.agentobs.cost.AgentUsage}),
	 * never a metric label. Sub-agents' runs take it too.
	 * @param userId the user's id, {@code null} for the one of
	 * {@link dev.agentobs.cost.AgentUsageContext} or the parent run
	 * @return this
	 */
	public AgentRunObservation user(@Nullable String userId) {
		AgentRunContext context = context();
		if (context != null) {
			context.setUserId(userId);
		}
		return this;
	}

	/**
	 * Set the tenant the run works for, for its usage record ({@link dev.agentobs.cost.AgentUsage}),
	 * never a metric label. Sub-agents' runs take it too.
	 * @param tenantId the tenant's id, {@code null} for the one of
	 * {@link dev.agentobs.cost.AgentUsageContext} or the parent run
	 * @return this
	 */
	public AgentRunObservation tenant(@Nullable String tenantId) {
		AgentRunContext context = context();
		if (context != null) {
			context.setTenantId(tenantId);
		}
		return this;
	}

	/**
	 * Use the application's own id for this run instead of a generated one.
	 * @param runId the run id; a null or blank one is ignored with a warning
	 * @return this
	 */
	public AgentRunObservation runId(@Nullable String runId) {
		AgentRunContext context = context();
		if (context != null && InvalidInput.isName(runId, "runId")) {
			context.setRunId(runId);
		}
		return this;
	}

	/**
	 * The run's id, to return to the caller or to log.
	 * @return the run id, or {@code null} when nothing is observed
	 */
	public @Nullable String runId() {
		AgentRunContext context = context();
		return (context != null) ? context.getRunId() : null;
	}

}
