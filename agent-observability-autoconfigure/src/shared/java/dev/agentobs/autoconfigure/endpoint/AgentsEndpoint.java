package dev.agentobs.autoconfigure.endpoint;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import dev.agentobs.internal.cost.PriceCatalogue;
import dev.agentobs.internal.cost.RunLedgers;
import dev.agentobs.internal.report.AgentDescriptor;
import dev.agentobs.internal.report.AgentsDescriptor;
import dev.agentobs.internal.report.AgentsReport;
import dev.agentobs.internal.report.BudgetsDescriptor;
import dev.agentobs.stats.AgentStatistics;
import dev.agentobs.stats.ComponentStatistics;
import dev.agentobs.stats.StatisticsSnapshot;

/**
 * {@code /actuator/agents}: the statistics of the agents, models and tools over the window
 * and since start, today's tokens and cost with where each model's price came from and the
 * price catalogue's files, and the latest errors, as JSON, or with
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

	private final List<PriceCatalogue.Source> catalogue;

	private final AgentsReport report = new AgentsReport();

	private final @Nullable RunLedgers ledgers;

	/**
	 * Create the endpoint without a price catalogue.
	 * @param statistics the statistics it shows
	 */
	public AgentsEndpoint(AgentStatistics statistics) {
		this(statistics, List.of());
	}

	/**
	 * Create the endpoint.
	 * @param statistics the statistics it shows
	 * @param catalogue the files of the price catalogue the day's cost comes from
	 */
	public AgentsEndpoint(AgentStatistics statistics, List<PriceCatalogue.Source> catalogue) {
		this(statistics, catalogue, null);
	}

	/**
	 * Create the endpoint with the budgets.
	 * @param statistics the statistics it shows
	 * @param catalogue the files of the price catalogue the day's cost comes from
	 * @param ledgers the runs' ledgers and budgets, or {@code null}
	 */
	public AgentsEndpoint(AgentStatistics statistics, List<PriceCatalogue.Source> catalogue,
			@Nullable RunLedgers ledgers) {
		this.statistics = statistics;
		this.catalogue = List.copyOf(catalogue);
		this.ledgers = ledgers;
	}

	/**
	 * Every statistic.
	 * @return the statistics, for JSON
	 */
	@ReadOperation
	public AgentsDescriptor agents() {
		return AgentsDescriptor.of(this.statistics.snapshot(), this.catalogue,
				(this.ledgers != null) ? BudgetsDescriptor.of(this.ledgers) : null);
	}

	/**
	 * Every statistic as a Markdown report.
	 * @return the report
	 */
	@ReadOperation(produces = TEXT_MARKDOWN)
	public String report() {
		return this.report.render(this.statistics.snapshot(), this.catalogue);
	}

	/**
	 * The statistics of one agent.
	 * @param agent the agent's name
	 * @return its statistics and latest errors, for JSON, or {@code null} (404) when it is
	 * not known
	 */
	@ReadOperation
	public @Nullable AgentDescriptor agent(@Selector String agent) {
		return AgentDescriptor.of(this.statistics.snapshot(), agent);
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
		return (statistics != null)
				? this.report.renderAgent(snapshot, statistics, AgentDescriptor.errorsOf(snapshot, agent)) : null;
	}

}
