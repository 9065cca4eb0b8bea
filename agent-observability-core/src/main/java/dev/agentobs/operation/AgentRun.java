package dev.agentobs.operation;

/**
 * A finished agent run, from the request to the answer. Its agent is
 * {@link OperationScope#agentName() the scope's agent}, never {@code null}.
 *
 * @param scope where it ran: the agent, the run id and the conversation
 * @param outcome how it ended
 * @since 0.1.0
 */
public record AgentRun(OperationScope scope, OperationOutcome outcome) implements AgentOperation {

	public AgentRun {
		OperationChecks.requireText(OperationChecks.requireNonNull(scope, "scope").agentName(), "agentName");
		OperationChecks.requireNonNull(outcome, "outcome");
	}

	@Override
	public Kind kind() {
		return Kind.AGENT_RUN;
	}

	@Override
	public String name() {
		return agentName();
	}

	@Override
	public String agentName() {
		String agentName = this.scope.agentName();
		return (agentName != null) ? agentName : "unknown";
	}

	/**
	 * Builds an {@link AgentRun}: {@link AgentOperation#agentRun(String)}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder extends OperationBuilder<Builder, AgentRun> {

		Builder(String agentName) {
			super(OperationChecks.requireText(agentName, "agentName"));
		}

		@Override
		public AgentRun build() {
			return new AgentRun(scope(), outcome());
		}

	}

}
