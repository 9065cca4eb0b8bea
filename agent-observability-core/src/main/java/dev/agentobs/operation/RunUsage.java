package dev.agentobs.operation;

/**
 * What an agent run spent: the tokens and cost of its model calls and how many model calls,
 * tool calls and steps it made, its sub-agents' included.
 *
 * @param tokens the tokens of its model calls, by kind
 * @param cost the cost in USD of its model calls whose model has a price; a lower bound when
 * {@code unpricedModelCalls} is above 0
 * @param modelCalls the model calls
 * @param unpricedModelCalls the model calls whose model has no price, whose cost is unknown
 * @param toolCalls the tool calls
 * @param steps the steps
 * @since 0.1.0
 */
public record RunUsage(TokenUsage tokens, double cost, long modelCalls, long unpricedModelCalls, long toolCalls,
		long steps) {

	/** Nothing spent, or nothing known of it (a run recorded without its operations). */
	public static final RunUsage NONE = new RunUsage(TokenUsage.NONE, 0, 0, 0, 0, 0);

	public RunUsage {
		OperationChecks.requireNonNull(tokens, "tokens");
		if (!(cost >= 0) || Double.isInfinite(cost)) {
			throw new IllegalArgumentException("cost must be a finite number of USD, 0 or more, was " + cost);
		}
		OperationChecks.requireCount(modelCalls, "modelCalls");
		OperationChecks.requireCount(unpricedModelCalls, "unpricedModelCalls");
		OperationChecks.requireCount(toolCalls, "toolCalls");
		OperationChecks.requireCount(steps, "steps");
	}

	/**
	 * Whether every model call of the run had a price, so that {@link #cost()} is its cost
	 * rather than a lower bound.
	 * @return {@code true} when no model call was unpriced
	 */
	public boolean costKnown() {
		return this.unpricedModelCalls == 0;
	}

}
