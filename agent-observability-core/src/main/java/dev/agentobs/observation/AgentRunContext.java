package dev.agentobs.observation;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.agentobs.api.AgentOperation;

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
		return (name != null) ? name : "unknown";
	}

	@Override
	protected AgentOperation.Builder operationBuilder() {
		return AgentOperation.agentRun(getAgentName());
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
