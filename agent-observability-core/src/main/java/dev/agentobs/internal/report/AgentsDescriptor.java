package dev.agentobs.internal.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.agentobs.cost.DailyUsage;
import dev.agentobs.cost.ModelUsage;
import dev.agentobs.internal.cost.PriceCatalogue;
import dev.agentobs.stats.StatisticsSnapshot;

/**
 * Every statistic of the agents, models and tools, as {@code /actuator/agents} shows them.
 *
 * @param time when the statistics were taken, ISO-8601
 * @param uptime how long they have been collected, to the second
 * @param window the length of the rolling window
 * @param activeRuns the agent runs in progress
 * @param overall every request
 * @param agents each agent, by name
 * @param models each model, by name
 * @param tools each tool, by name, without tokens
 * @param today the tokens and cost of the day, or {@code null} when cost is not tracked
 * @param priceCatalogue the files the prices of the day come from, or {@code null} when cost is
 * not tracked
 * @param recentErrors the latest failures within the window, newest first
 * @param budgets the agents' budgets and the runs they stopped, or {@code null} when budgets
 * are not kept
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentsDescriptor(String time, String uptime, String window, int activeRuns, ComponentDescriptor overall,
		Map<String, AgentStatisticsDescriptor> agents, Map<String, ModelStatisticsDescriptor> models,
		Map<String, ComponentDescriptor> tools, @Nullable DailyUsageDescriptor today,
		@Nullable List<PriceCatalogueDescriptor> priceCatalogue, List<RecentErrorDescriptor> recentErrors,
		@Nullable BudgetsDescriptor budgets) {

	/**
	 * Describe a snapshot of the statistics.
	 * @param snapshot the statistics
	 * @param catalogue the files of the price catalogue
	 * @return their descriptor
	 */
	public static AgentsDescriptor of(StatisticsSnapshot snapshot, List<PriceCatalogue.Source> catalogue) {
		return of(snapshot, catalogue, null);
	}

	/**
	 * Describe a snapshot of the statistics, with the budgets.
	 * @param snapshot the statistics
	 * @param catalogue the files of the price catalogue
	 * @param budgets the budgets, or {@code null} when budgets are not kept
	 * @return their descriptor
	 */
	public static AgentsDescriptor of(StatisticsSnapshot snapshot, List<PriceCatalogue.Source> catalogue,
			@Nullable BudgetsDescriptor budgets) {
		Map<String, AgentStatisticsDescriptor> agents = new LinkedHashMap<>();
		snapshot.agents()
			.forEach((name, agent) -> agents.put(name,
					new AgentStatisticsDescriptor(snapshot.activeRunsByAgent().getOrDefault(name, 0),
							OperationSummaryDescriptor.of(agent.window()), OperationSummaryDescriptor.of(agent.total()),
							AgentStatisticsDescriptor.RunCostDescriptor.of(agent.runCost()))));
		DailyUsage today = snapshot.today();
		Map<String, ModelStatisticsDescriptor> models = new LinkedHashMap<>();
		snapshot.models().forEach((name, model) -> {
			ModelUsage usage = (today != null) ? today.models().get(name) : null;
			models.put(name,
					new ModelStatisticsDescriptor(OperationSummaryDescriptor.of(model.window()),
							OperationSummaryDescriptor.of(model.total()),
							(usage != null) ? ModelUsageDescriptor.of(usage) : null));
		});
		Map<String, ComponentDescriptor> tools = new LinkedHashMap<>();
		snapshot.tools().forEach((name, tool) -> tools.put(name, ComponentDescriptor.of(tool, false)));
		return new AgentsDescriptor(snapshot.time().toString(), JsonValues.duration(snapshot.uptime().withNanos(0)),
				JsonValues.duration(snapshot.window()), snapshot.activeRuns(),
				ComponentDescriptor.of(snapshot.overall(), true), agents, models, tools,
				(today != null) ? DailyUsageDescriptor.of(today) : null,
				(today != null) ? PriceCatalogueDescriptor.of(catalogue) : null,
				RecentErrorDescriptor.of(snapshot.recentErrors()), budgets);
	}

}
