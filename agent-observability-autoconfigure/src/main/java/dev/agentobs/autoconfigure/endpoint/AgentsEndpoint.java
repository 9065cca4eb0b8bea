package dev.agentobs.autoconfigure.endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import dev.agentobs.cost.DailyUsage;
import dev.agentobs.cost.ModelUsage;
import dev.agentobs.stats.AgentStatistics;
import dev.agentobs.stats.ComponentStatistics;
import dev.agentobs.stats.RecentError;
import dev.agentobs.stats.StatisticsJson;
import dev.agentobs.stats.StatisticsSnapshot;

/**
 * {@code /actuator/agents}: the statistics of the agents, models and tools over the window
 * and since start, today's tokens and cost, and the latest errors, as JSON, or with
 * {@code Accept: text/markdown} as a report to paste into an incident ticket.
 * {@code /actuator/agents/{agent}} shows one agent.
 *
 * @since 0.1.0
 */
@Endpoint(id = "agents")
public class AgentsEndpoint {

	/** The media type of the report. */
	public static final String TEXT_MARKDOWN = "text/markdown;charset=UTF-8";

	private final AgentStatistics statistics;

	private final AgentsReport report = new AgentsReport();

	/**
	 * Create the endpoint.
	 * @param statistics the statistics it shows
	 */
	public AgentsEndpoint(AgentStatistics statistics) {
		this.statistics = statistics;
	}

	/**
	 * Every statistic.
	 * @return the statistics as JSON
	 */
	@ReadOperation
	public Map<String, Object> agents() {
		StatisticsSnapshot snapshot = this.statistics.snapshot();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("time", snapshot.time().toString());
		json.put("uptime", StatisticsJson.duration(snapshot.uptime().withNanos(0)));
		json.put("window", StatisticsJson.duration(snapshot.window()));
		json.put("activeRuns", snapshot.activeRuns());
		json.put("overall", StatisticsJson.component(snapshot.overall(), true));
		Map<String, Object> agents = new LinkedHashMap<>();
		snapshot.agents().forEach((name, agent) -> agents.put(name, agent(snapshot, agent)));
		json.put("agents", agents);
		json.put("models", models(snapshot));
		Map<String, Object> tools = new LinkedHashMap<>();
		snapshot.tools().forEach((name, tool) -> tools.put(name, StatisticsJson.component(tool, false)));
		json.put("tools", tools);
		DailyUsage today = snapshot.today();
		if (today != null) {
			json.put("today", StatisticsJson.today(today));
		}
		json.put("recentErrors", StatisticsJson.recentErrors(snapshot.recentErrors()));
		return json;
	}

	/**
	 * Every statistic as a Markdown report.
	 * @return the report
	 */
	@ReadOperation(produces = TEXT_MARKDOWN)
	public String report() {
		return this.report.render(this.statistics.snapshot());
	}

	/**
	 * The statistics of one agent.
	 * @param agent the agent's name
	 * @return its statistics and latest errors as JSON, or {@code null} (404) when it is not
	 * known
	 */
	@ReadOperation
	public @Nullable Map<String, Object> agent(@Selector String agent) {
		StatisticsSnapshot snapshot = this.statistics.snapshot();
		ComponentStatistics statistics = snapshot.agents().get(agent);
		if (statistics == null) {
			return null;
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", agent);
		json.put("time", snapshot.time().toString());
		json.putAll(agent(snapshot, statistics));
		json.put("recentErrors", StatisticsJson.recentErrors(errorsOf(snapshot, agent)));
		return json;
	}

	/**
	 * The statistics of one agent as a Markdown report.
	 * @param agent the agent's name
	 * @return the report, or {@code null} (404) when the agent is not known
	 */
	@ReadOperation(produces = TEXT_MARKDOWN)
	public @Nullable String agentReport(@Selector String agent) {
		StatisticsSnapshot snapshot = this.statistics.snapshot();
		ComponentStatistics statistics = snapshot.agents().get(agent);
		return (statistics != null) ? this.report.renderAgent(snapshot, statistics, errorsOf(snapshot, agent))
				: null;
	}

	private static Map<String, Object> agent(StatisticsSnapshot snapshot, ComponentStatistics agent) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("activeRuns", snapshot.activeRunsByAgent().getOrDefault(agent.name(), 0));
		json.putAll(StatisticsJson.component(agent, true));
		return json;
	}

	private static Map<String, Object> models(StatisticsSnapshot snapshot) {
		DailyUsage today = snapshot.today();
		Map<String, Object> models = new LinkedHashMap<>();
		snapshot.models().forEach((name, model) -> {
			Map<String, Object> json = StatisticsJson.component(model, true);
			ModelUsage usage = (today != null) ? today.models().get(name) : null;
			if (usage != null) {
				json.put("today", StatisticsJson.modelToday(usage));
			}
			models.put(name, json);
		});
		return models;
	}

	static List<RecentError> errorsOf(StatisticsSnapshot snapshot, String agent) {
		return snapshot.recentErrors().stream().filter((error) -> agent.equals(error.agent())).toList();
	}

}
