package dev.agentobs.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.agentobs.autoconfigure.endpoint.AgentsEndpoint;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.cost.RunLedgers;
import dev.agentobs.stats.AgentStatistics;

/**
 * The {@code /actuator/agents} endpoint. Like every actuator endpoint but health, it is
 * served over HTTP only once exposed: {@code management.endpoints.web.exposure.include}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AgentStatisticsAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(AgentStatistics.class)
@ConditionalOnAvailableEndpoint(AgentsEndpoint.class)
@ConditionalOnMonitoringEnabled
public final class AgentEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AgentsEndpoint agentsEndpoint(AgentStatistics statistics, ObjectProvider<CostCalculator> costCalculator,
			ObjectProvider<RunLedgers> ledgers) {
		CostCalculator calculator = costCalculator.getIfUnique();
		return new AgentsEndpoint(statistics, (calculator != null) ? calculator.catalogue().sources() : List.of(),
				ledgers.getIfUnique());
	}

}
