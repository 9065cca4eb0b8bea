package dev.agentobs.observation;

import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentStep;
import dev.agentobs.operation.OperationOutcome;
import dev.agentobs.operation.OperationScope;

/**
 * The context of an agent step observation ({@code agent.step}).
 *
 * @since 0.1.0
 */
public class AgentStepContext extends AgentObservationContext {

	private final int stepNumber;

	public AgentStepContext(int stepNumber) {
		super(AgentOperation.Kind.AGENT_STEP);
		// The facade refuses a step number below 1; a bridge's count starting at 0 is shifted
		// rather than failing the step when it stops.
		this.stepNumber = Math.max(1, stepNumber);
	}

	/**
	 * The step's number within its run.
	 * @return the step number, from 1
	 */
	public int getStepNumber() {
		return this.stepNumber;
	}

	@Override
	protected AgentOperation operation(OperationScope scope, OperationOutcome outcome) {
		return new AgentStep(this.stepNumber, scope, outcome);
	}

}
