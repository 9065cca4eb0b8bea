package dev.agentobs.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.agentobs.cost.DailyUsage;

/**
 * The statistics of the agents at one moment. Immutable.
 *
 * @param time when it was taken
 * @param uptime how long the statistics have been collected
 * @param window the length of the rolling window
 * @param overall every request: agent runs, and model calls, tool calls and code executions
 * outside any agent run
 * @param activeRuns the agent runs in progress
 * @param activeRunsByAgent the agent runs in progress per agent
 * @param agents the runs of each agent (with the tokens of the model calls made in them), by
 * name
 * @param models the calls of each model, by name
 * @param tools the calls of each tool, by name
 * @param recentErrors the latest failures within the window, newest first
 * @param today the tokens and cost of the day, or {@code null} when cost is not tracked
 * @since 0.1.0
 */
public record StatisticsSnapshot(Instant time, Duration uptime, Duration window, ComponentStatistics overall,
		int activeRuns, Map<String, Integer> activeRunsByAgent, Map<String, ComponentStatistics> agents,
		Map<String, ComponentStatistics> models, Map<String, ComponentStatistics> tools, List<RecentError> recentErrors,
		@Nullable DailyUsage today) {

}
