package dev.agentobs.internal.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.runs.RecentRuns;
import dev.agentobs.internal.runs.RecordedRun;
import dev.agentobs.internal.runs.RunOrder;

/**
 * The recent runs, as {@code /actuator/agentruns} lists them.
 *
 * @param maxRuns how many runs are kept
 * @param maxOperationsPerRun how many operations of each run are kept
 * @param recordedRuns how many runs were recorded since start, those no longer kept included
 * @param lostOperations operations lost while their run was in progress (more runs in
 * progress at once than followed)
 * @param order the order of the list: {@code recent}, {@code slowest} or {@code costliest}
 * @param runs the runs that match the filters, in that order
 * @since 0.1.0
 */
public record RunsDescriptor(int maxRuns, int maxOperationsPerRun, long recordedRuns, long lostOperations,
		String order, List<RunSummaryDescriptor> runs) {

	/**
	 * Describe the runs kept that match filters.
	 * @param recentRuns the runs kept
	 * @param agent only the runs of this agent, or {@code null} for all
	 * @param failedOnly only the runs that failed
	 * @param order the order
	 * @param limit the most runs to list
	 * @return the descriptor
	 */
	public static RunsDescriptor of(RecentRuns recentRuns, @Nullable String agent, boolean failedOnly, RunOrder order,
			int limit) {
		List<RecordedRun> matching = new ArrayList<>();
		for (RecordedRun run : recentRuns.runs()) {
			if ((agent == null || agent.equals(run.agent())) && (!failedOnly || run.failed())) {
				matching.add(run);
			}
		}
		Comparator<RecordedRun> comparator = order.comparator();
		if (comparator != null) {
			matching.sort(comparator);
		}
		List<RunSummaryDescriptor> runs = new ArrayList<>(Math.min(matching.size(), limit));
		for (RecordedRun run : matching) {
			if (runs.size() >= limit) {
				break;
			}
			runs.add(RunSummaryDescriptor.of(run));
		}
		return new RunsDescriptor(recentRuns.maxRuns(), recentRuns.maxOperationsPerRun(), recentRuns.recordedRuns(),
				recentRuns.lostOperations(), order.toString(), runs);
	}

}
