package dev.agentobs.internal.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.agentobs.stats.RunCost;

/**
 * The runs of one agent: in progress, within the window and since start.
 *
 * @param activeRuns the runs in progress
 * @param window the runs that finished within the window
 * @param total the runs that finished since the statistics started
 * @param costPerRun the cost of its latest priced runs, or {@code null} before the first
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentStatisticsDescriptor(int activeRuns, OperationSummaryDescriptor window,
		OperationSummaryDescriptor total, @Nullable RunCostDescriptor costPerRun) {

	/**
	 * The cost per run of an agent, in USD.
	 *
	 * @param runs the latest priced runs the figures come from
	 * @param average their mean cost
	 * @param p95 the cost 95% of them stayed within
	 */
	public record RunCostDescriptor(long runs, double average, double p95) {

		static @Nullable RunCostDescriptor of(RunCost cost) {
			return (cost.runs() > 0) ? new RunCostDescriptor(cost.runs(), JsonValues.cost(cost.average()),
					JsonValues.cost(cost.p95())) : null;
		}

	}

}
