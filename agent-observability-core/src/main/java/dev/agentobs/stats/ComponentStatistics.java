package dev.agentobs.stats;

/**
 * The statistics of one agent, model or tool, or of all requests together.
 *
 * @param name the agent's, model's or tool's name; {@code _OTHER} stands for the names past
 * {@code monitoring.metrics.max-tag-values}
 * @param window the operations that finished within the window
 * @param total the operations that finished since the statistics started
 * @param runCost for an agent, the cost of its latest runs; {@link RunCost#NONE} otherwise
 * @since 0.1.0
 */
public record ComponentStatistics(String name, OperationSummary window, OperationSummary total, RunCost runCost) {

	/**
	 * The statistics of a model, a tool, or an agent without priced runs.
	 * @param name the name
	 * @param window the operations that finished within the window
	 * @param total the operations that finished since the statistics started
	 */
	public ComponentStatistics(String name, OperationSummary window, OperationSummary total) {
		this(name, window, total, RunCost.NONE);
	}

}
