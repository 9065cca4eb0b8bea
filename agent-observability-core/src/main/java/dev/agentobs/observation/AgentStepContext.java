package dev.agentobs.observation;

import dev.agentobs.api.AgentOperation;

/**
 * The context of an agent step observation ({@code agent.step}).
 *
 * @since 0.1.0
 */
public class AgentStepContext extends AgentObservationContext {

	private final int stepNumber;

	public AgentStepContext(int stepNumber) {
		super(AgentOperation.Kind.AGENT_STEP);
		this.stepNumber = stepNumber;
	}

	/**
	 * The step's number within its run.
	 * @return the step number, from 1
	 */
	public int getStepNumber() {
		return this.stepNumber;
	}

	@Override
	protected AgentOperation.Builder operationBuilder() {
		String agent = getAgentName();
		return AgentOperation.agentStep((agent != null) ? agent : "unknown", this.stepNumber);
	}

}
