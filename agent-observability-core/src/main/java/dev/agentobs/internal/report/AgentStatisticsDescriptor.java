package dev.agentobs.internal.report;

/**
 * The runs of one agent: in progress, within the window and since start.
 *
 * @param activeRuns the runs in progress
 * @param window the runs that finished within the window
 * @param total the runs that finished since the statistics started
 * @since 0.1.0
 */
public record AgentStatisticsDescriptor(int activeRuns, OperationSummaryDescriptor window,
		OperationSummaryDescriptor total) {

}
