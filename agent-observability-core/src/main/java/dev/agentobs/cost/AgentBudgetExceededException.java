package dev.agentobs.cost;

/**
 * Thrown when a step, model call or tool call starts in an agent run that has spent its
 * {@linkplain AgentBudget budget}, before the work of that operation runs: the model is not
 * called, the tool not run. The run then ends with {@code error_type="budget_exceeded"}. Its
 * message names the limit, what the run spent and the key that raises the limit.
 *
 * @since 0.1.0
 */
public class AgentBudgetExceededException extends RuntimeException {

	/** The error type of a run stopped by its budget. */
	public static final String ERROR_TYPE = "budget_exceeded";

	private static final long serialVersionUID = 1L;

	private final String agentName;

	private final String runId;

	private final BudgetLimit limit;

	private final String key;

	/**
	 * Create the exception.
	 * @param agentName the agent whose run was stopped
	 * @param runId the run's id
	 * @param limit the limit reached
	 * @param spent what the run (or, for {@link BudgetLimit#DAILY_COST}, the agent today) spent,
	 * as shown in the message, such as {@code 1,204 tokens}
	 * @param allowed the limit, as shown in the message, such as {@code 1,000 tokens}
	 * @param key the key or call that raises the limit
	 */
	public AgentBudgetExceededException(String agentName, String runId, BudgetLimit limit, String spent,
			String allowed, String key) {
		super("Agent '" + agentName + "' run " + runId + " stopped by its budget: " + limit.key() + " is " + allowed
				+ ", spent " + spent + "; raise " + key + " to let such runs go further");
		this.agentName = agentName;
		this.runId = runId;
		this.limit = limit;
		this.key = key;
	}

	/**
	 * The agent whose run was stopped.
	 * @return the agent's name
	 */
	public String getAgentName() {
		return this.agentName;
	}

	/**
	 * The run that was stopped.
	 * @return the run's id
	 */
	public String getRunId() {
		return this.runId;
	}

	/**
	 * The limit reached.
	 * @return the limit
	 */
	public BudgetLimit getLimit() {
		return this.limit;
	}

	/**
	 * The key or call that raises the limit.
	 * @return such as {@code monitoring.budgets.agents.research-agent.max-tokens}
	 */
	public String getKey() {
		return this.key;
	}

}
