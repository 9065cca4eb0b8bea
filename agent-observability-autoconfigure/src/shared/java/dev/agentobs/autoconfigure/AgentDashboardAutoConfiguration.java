package dev.agentobs.autoconfigure;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.agentobs.alert.Alert;
import dev.agentobs.autoconfigure.endpoint.AgentDashboardEndpoint;
import dev.agentobs.internal.alert.AlertEvaluator;
import dev.agentobs.internal.cost.RunLedgers;
import dev.agentobs.internal.health.AgentsHealth;
import dev.agentobs.internal.health.AgentsHealthCheck;
import dev.agentobs.internal.report.Dashboard;
import dev.agentobs.internal.runs.RecentRuns;
import dev.agentobs.stats.AgentStatistics;

/**
 * The {@code /actuator/agentdashboard} page: the statistics, health, alerts, budgets and
 * recent runs of the agents, live in a browser. Like every actuator endpoint but health, it is
 * served over HTTP only once exposed: {@code management.endpoints.web.exposure.include}.
 *
 * @since 0.1.0
 */
// After what it shows: the statistics, the recent runs and the alerts
@AutoConfiguration(after = { AgentStatisticsAutoConfiguration.class, AgentRunsAutoConfiguration.class,
		AgentAlertingAutoConfiguration.class })
@ConditionalOnClass({ WebEndpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(AgentStatistics.class)
@ConditionalOnAvailableEndpoint(AgentDashboardEndpoint.class)
@ConditionalOnMonitoringEnabled
@EnableConfigurationProperties(AgentHealthProperties.class)
public final class AgentDashboardAutoConfiguration {

	private static final EndpointId ID = EndpointId.of("agentdashboard");

	@Bean
	@ConditionalOnMissingBean
	AgentDashboardEndpoint agentDashboardEndpoint(AgentStatistics statistics, AgentHealthProperties health,
			ObjectProvider<AlertEvaluator> alerts, ObjectProvider<RecentRuns> runs,
			ObjectProvider<RunLedgers> ledgers, ObjectProvider<PathMappedEndpoints> endpoints) {
		AlertEvaluator evaluator = alerts.getIfUnique();
		Supplier<List<Alert>> firing = (evaluator != null) ? evaluator::firing : null;
		AgentsHealthCheck check = new AgentsHealthCheck(statistics, health.toThresholds(),
				(firing != null) ? firing : List::of);
		Dashboard dashboard = new Dashboard(statistics, () -> {
			AgentsHealth agents = check.check();
			return new Dashboard.Status(agents.status().name(), agents.reason());
		}, firing, runs.getIfUnique(), ledgers.getIfUnique());
		// Read on each request: the path-mapped endpoints are made from the endpoint beans, this one among them
		return new AgentDashboardEndpoint(dashboard, () -> {
			PathMappedEndpoints mapped = endpoints.getIfAvailable();
			String path = (mapped != null) ? mapped.getRootPath(ID) : null;
			return (path != null) ? path : ID.toString();
		});
	}

}
