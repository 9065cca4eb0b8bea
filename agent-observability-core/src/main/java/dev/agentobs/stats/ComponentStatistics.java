package dev.agentobs.stats;

/**
 * The statistics of one agent, model or tool, or of all requests together.
 *
 * @param name the agent's, model's or tool's name; {@code _OTHER} stands for the names past
 * {@code monitoring.metrics.max-tag-values}
 * @param window the operations that finished within the window
 * @param total the operations that finished since the statistics started
 * @since 0.1.0
 */
public record ComponentStatistics(String name, OperationSummary window, OperationSummary total) {

}
