package dev.agentobs.cost;

/**
 * A limit of an agent's budget, named as its key under
 * {@code monitoring.budgets.agents.<agent>}.
 *
 * @since 0.1.0
 */
public enum BudgetLimit {

	/** The tokens of a run's model calls, every kind: input and output. */
	MAX_TOKENS("max-tokens"),

	/** The cost in USD of a run's model calls. */
	MAX_COST("max-cost"),

	/** The model calls of a run. */
	MAX_MODEL_CALLS("max-model-calls"),

	/** The tool calls of a run. */
	MAX_TOOL_CALLS("max-tool-calls"),

	/** The steps of a run. */
	MAX_STEPS("max-steps"),

	/** How long a run may go on. */
	MAX_DURATION("max-duration"),

	/** The cost in USD of an agent's model calls in a day, on this instance. */
	DAILY_COST("daily-cost");

	private final String key;

	BudgetLimit(String key) {
		this.key = key;
	}

	/**
	 * The limit's key under {@code monitoring.budgets.agents.<agent>}, also the {@code limit}
	 * label of {@code agent_budget_exceeded_total}.
	 * @return the key, such as {@code max-tokens}
	 */
	public String key() {
		return this.key;
	}

}
