package dev.agentobs.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.agentobs.autoconfigure.endpoint.AgentRunsEndpoint;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.observation.AgentOperationDispatcher;
import dev.agentobs.internal.runs.RecentRuns;

/**
 * The recent runs, kept by a sink of every operation, and the {@code /actuator/agentruns}
 * endpoint that lists them. Like every actuator endpoint but health, it is served over HTTP
 * only once exposed: {@code management.endpoints.web.exposure.include}.
 *
 * @since 0.1.0
 */
// After the cost calculator, which prices the model calls of each run
@AutoConfiguration(after = { AgentObservationAutoConfiguration.class, AgentCostAutoConfiguration.class })
@ConditionalOnBean(AgentOperationDispatcher.class)
@ConditionalOnBooleanProperty(name = "monitoring.runs.enabled", matchIfMissing = true)
@ConditionalOnMonitoringEnabled
@EnableConfigurationProperties(AgentRunsProperties.class)
public final class AgentRunsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RecentRuns agentRecentRuns(AgentRunsProperties properties, ObjectProvider<CostCalculator> costs) {
		return new RecentRuns(properties.getMaxRuns(), properties.getMaxOperationsPerRun(), costs.getIfUnique());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
	@ConditionalOnAvailableEndpoint(AgentRunsEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AgentRunsEndpoint agentRunsEndpoint(RecentRuns runs) {
			return new AgentRunsEndpoint(runs);
		}

	}

}
