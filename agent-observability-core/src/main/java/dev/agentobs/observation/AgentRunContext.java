package dev.agentobs.observation;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentRun;
import dev.agentobs.operation.OperationOutcome;
import dev.agentobs.operation.OperationScope;

/**
 * The context of an agent run observation ({@code gen_ai.invoke_agent}).
 *
 * @since 0.1.0
 */
public class AgentRunContext extends AgentObservationContext {

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
		return new AgentRun(named, outcome);
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
