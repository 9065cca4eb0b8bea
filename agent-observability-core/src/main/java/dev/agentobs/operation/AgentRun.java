package dev.agentobs.operation;

/**
 * A finished agent run, from the request to the answer. Its agent is
 * {@link OperationScope#agentName() the scope's agent}, never {@code null}.
 *
 * @param scope where it ran: the agent, the run id and the conversation
 * @param outcome how it ended
 * @param usage what it spent, its sub-agents included; {@link RunUsage#NONE} when it was
 * recorded without its operations
 * @since 0.1.0
 */
public record AgentRun(OperationScope scope, OperationOutcome outcome, RunUsage usage) implements AgentOperation {

	public AgentRun {
		OperationChecks.requireText(OperationChecks.requireNonNull(scope, "scope").agentName(), "agentName");
		OperationChecks.requireNonNull(outcome, "outcome");
		OperationChecks.requireNonNull(usage, "usage");
	}

	/**
	 * A run whose spending is not known.
	 * @param scope where it ran
	 * @param outcome how it ended
	 */
	public AgentRun(OperationScope scope, OperationOutcome outcome) {
		this(scope, outcome, RunUsage.NONE);
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

		private RunUsage usage = RunUsage.NONE;

		Builder(String agentName) {
			super(OperationChecks.requireText(agentName, "agentName"));
		}

		/**
		 * Set what the run spent.
		 * @param usage its tokens, cost and calls
		 * @return this
		 */
		public Builder usage(RunUsage usage) {
			this.usage = OperationChecks.requireNonNull(usage, "usage");
			return this;
		}

		@Override
		public AgentRun build() {
			return new AgentRun(scope(), outcome(), this.usage);
		}

	}

}
