package dev.agentobs.operation;

import org.jspecify.annotations.Nullable;

/**
 * A finished step of an agent's reasoning loop.
 *
 * @param stepNumber the step's number within its run, from 1
 * @param scope where it ran: the agent, the run id and the conversation
 * @param outcome how it ended
 * @since 0.1.0
 */
public record AgentStep(int stepNumber, OperationScope scope, OperationOutcome outcome) implements AgentOperation {

	public AgentStep {
		OperationChecks.requireStepNumber(stepNumber);
		OperationChecks.requireNonNull(scope, "scope");
		OperationChecks.requireNonNull(outcome, "outcome");
	}

	@Override
	public Kind kind() {
		return Kind.AGENT_STEP;
	}

	@Override
	public String name() {
		@Nullable String agentName = this.scope.agentName();
		return (agentName != null) ? agentName : "unknown";
	}

	/**
	 * Builds an {@link AgentStep}: {@link AgentOperation#agentStep(String, int)}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder extends OperationBuilder<Builder, AgentStep> {

		private final int stepNumber;

		Builder(String agentName, int stepNumber) {
			super(OperationChecks.requireText(agentName, "agentName"));
			this.stepNumber = OperationChecks.requireStepNumber(stepNumber);
		}

		@Override
		public AgentStep build() {
			return new AgentStep(this.stepNumber, scope(), outcome());
		}

	}

}
