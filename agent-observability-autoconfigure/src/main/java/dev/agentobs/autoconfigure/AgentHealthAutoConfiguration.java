package dev.agentobs.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.agentobs.autoconfigure.health.AgentsHealthIndicator;
import dev.agentobs.internal.alert.AlertEvaluator;
import dev.agentobs.internal.cost.RunLedgers;
import dev.agentobs.internal.health.AgentsHealthCheck;
import dev.agentobs.stats.AgentStatistics;

/**
 * The {@code agents} health indicator, on unless
 * {@code management.health.agents.enabled=false}. Its DEGRADED status is ranked between DOWN
 * and UP by {@link dev.agentobs.autoconfigure.health.DegradedStatusEnvironmentPostProcessor}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AgentStatisticsAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(AgentStatistics.class)
@ConditionalOnEnabledHealthIndicator("agents")
@ConditionalOnMonitoringEnabled
@EnableConfigurationProperties(AgentHealthProperties.class)
public final class AgentHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(value = AgentsHealthIndicator.class, name = "agentsHealthIndicator")
	AgentsHealthIndicator agentsHealthIndicator(AgentStatistics statistics, AgentHealthProperties health,
			ObjectProvider<AlertEvaluator> alerts, ObjectProvider<RunLedgers> ledgers) {
		return new AgentsHealthIndicator(new AgentsHealthCheck(statistics, health.toThresholds(), () -> {
			AlertEvaluator evaluator = alerts.getIfAvailable();
			return (evaluator != null) ? evaluator.firing() : List.of();
		}, ledgers.getIfUnique()));
	}

}
