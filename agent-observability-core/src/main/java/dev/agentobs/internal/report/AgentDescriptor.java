package dev.agentobs.internal.report;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.agentobs.stats.ComponentStatistics;
import dev.agentobs.stats.RecentError;
import dev.agentobs.stats.StatisticsSnapshot;

/**
 * The statistics of one agent, as {@code /actuator/agents/{agent}} shows them.
 *
 * @param name the agent's name
 * @param time when the statistics were taken, ISO-8601
 * @param activeRuns its runs in progress
 * @param window its runs that finished within the window
 * @param total its runs that finished since the statistics started
 * @param recentErrors its latest failures within the window, newest first
 * @since 0.1.0
 */
public record AgentDescriptor(String name, String time, int activeRuns, OperationSummaryDescriptor window,
		OperationSummaryDescriptor total, List<RecentErrorDescriptor> recentErrors) {

	/**
	 * Describe one agent of a snapshot.
	 * @param snapshot the statistics
	 * @param agent the agent's name
	 * @return its descriptor, or {@code null} when the agent is not known
	 */
	public static @Nullable AgentDescriptor of(StatisticsSnapshot snapshot, String agent) {
		ComponentStatistics statistics = snapshot.agents().get(agent);
		if (statistics == null) {
			return null;
		}
		return new AgentDescriptor(agent, snapshot.time().toString(),
				snapshot.activeRunsByAgent().getOrDefault(agent, 0), OperationSummaryDescriptor.of(statistics.window()),
				OperationSummaryDescriptor.of(statistics.total()), RecentErrorDescriptor.of(errorsOf(snapshot, agent)));
	}

	/**
	 * The latest failures of one agent.
	 * @param snapshot the statistics
	 * @param agent the agent's name
	 * @return the failures of operations that ran in the agent, newest first
	 */
	public static List<RecentError> errorsOf(StatisticsSnapshot snapshot, String agent) {
		return snapshot.recentErrors().stream().filter((error) -> agent.equals(error.agent())).toList();
	}

}
