package dev.agentobs.internal.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Everything the dashboard shows at one moment, as its page refreshes itself from it.
 *
 * @param status the agents' health: {@code UP}, {@code DEGRADED} or {@code DOWN}
 * @param statusReason why the status is not plainly UP (too little data, or the threshold
 * reached), or {@code null}
 * @param statistics the statistics of the agents, models and tools, today's tokens and cost,
 * the latest errors and the budgets, as {@code /actuator/agents} shows them
 * @param alerts the alerts firing now, or {@code null} when alerting is off
 * @param runs the last runs that match the page's filters, or {@code null} when runs are not
 * kept
 * @param run the run opened, or {@code null} when none is (or it is no longer kept)
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DashboardDescriptor(String status, @Nullable String statusReason, AgentsDescriptor statistics,
		@Nullable List<AlertDescriptor> alerts, @Nullable RunsDescriptor runs, @Nullable RunDescriptor run) {

}
