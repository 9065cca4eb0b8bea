package dev.agentobs.observation;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import dev.agentobs.cost.AgentBudget;
import dev.agentobs.cost.AgentBudgetExceededException;
import dev.agentobs.internal.budget.RunLedger;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentRun;
import dev.agentobs.operation.OperationOutcome;
import dev.agentobs.operation.OperationScope;
import dev.agentobs.operation.RunUsage;

/**
 * The context of an agent run observation ({@code gen_ai.invoke_agent}).
 *
 * @since 0.1.0
 */
public class AgentRunContext extends AgentObservationContext {

	private @Nullable String parentRunId;

	private @Nullable AgentBudget budget;

	private @Nullable String userId;

	private @Nullable String tenantId;

	public AgentRunContext(String agentName) {
		super(AgentOperation.Kind.AGENT_RUN);
		setAgentName(agentName);
		setRunId(newRunId());
	}

	@Override
	void inherit(AgentObservationContext parent) {
		// A sub-agent is a run of its own: it keeps its name and id and shares the conversation.
		if (getConversationId() == null) {
			setConversationId(parent.getConversationId());
		}
		this.parentRunId = parent.getRunId();
		// Its own ledger is opened when it starts; it adds to the parent's
	}

	/**
	 * The run this one is a sub-agent of: the run of the agent operation it started in.
	 * @return that run's id, or {@code null} for a run of its own
	 */
	public @Nullable String getParentRunId() {
		return this.parentRunId;
	}

	/**
	 * The budget given to this run in code, whose limits come before the agent's configured
	 * ones.
	 * @return the budget, or {@code null} for none
	 */
	public @Nullable AgentBudget getBudget() {
		return this.budget;
	}

	public void setBudget(@Nullable AgentBudget budget) {
		this.budget = budget;
	}

	/**
	 * The user the run works for, for its usage record (never a metric label).
	 * @return the user's id, or {@code null} to take it from the parent run or
	 * {@link dev.agentobs.cost.AgentUsageContext}
	 */
	public @Nullable String getUserId() {
		return this.userId;
	}

	public void setUserId(@Nullable String userId) {
		this.userId = userId;
	}

	/**
	 * The tenant the run works for, for its usage record (never a metric label).
	 * @return the tenant's id, or {@code null} to take it from the parent run or
	 * {@link dev.agentobs.cost.AgentUsageContext}
	 */
	public @Nullable String getTenantId() {
		return this.tenantId;
	}

	public void setTenantId(@Nullable String tenantId) {
		this.tenantId = tenantId;
	}

	@Override
	@Nullable String explicitErrorType() {
		return RunLedger.endedByBudget(getLedger(), getError()) ? AgentBudgetExceededException.ERROR_TYPE
				: super.explicitErrorType();
	}

	@Override
	public String getAgentName() {
		String name = super.getAgentName();
		return nameOrUnknown(name);
	}

	@Override
	protected AgentOperation operation(OperationScope scope, OperationOutcome outcome) {
		String agentName = getAgentName();
		OperationScope named = agentName.equals(scope.agentName()) ? scope
				: new OperationScope(agentName, scope.agentId(), scope.runId(), scope.conversationId(), scope.traceId(),
						scope.spanId(), scope.operationId(), scope.parentOperationId());
		RunLedger ledger = getLedger();
		return new AgentRun(named, outcome, (ledger != null) ? ledger.usage() : RunUsage.NONE);
	}

	/**
	 * A new run id: a random UUID, for runs the application does not name itself.
	 * @return the id
	 */
	public static String newRunId() {
		// Not a security token: ThreadLocalRandom avoids SecureRandom's cost on every run.
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new UUID(random.nextLong(), random.nextLong()).toString();
	}

}
