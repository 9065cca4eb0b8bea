package dev.agentobs.autoconfigure;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.agentobs.internal.cost.CostTracker;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.internal.stats.ActiveAgentRuns;
import dev.agentobs.internal.stats.OperationStatistics;
import dev.agentobs.stats.AgentStatistics;

/**
 * Rolling statistics of agent operations over {@code monitoring.window}, and the
 * {@link AgentStatistics} snapshot the health indicator, the endpoint and application code
 * read. Time comes from the application's {@link Clock} bean when it has exactly one, from the
 * system clock otherwise.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { AgentObservationAutoConfiguration.class, AgentCostAutoConfiguration.class })
@ConditionalOnBean(TagValueLimits.class)
@ConditionalOnMonitoringEnabled
@EnableConfigurationProperties(MonitoringProperties.class)
public final class AgentStatisticsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ActiveAgentRuns agentActiveRuns(TagValueLimits limits) {
		return new ActiveAgentRuns(limits);
	}

	@Bean
	@ConditionalOnMissingBean(AgentStatistics.class)
	OperationStatistics agentStatistics(MonitoringProperties properties, TagValueLimits limits,
			ObjectProvider<Clock> clock, ObjectProvider<ActiveAgentRuns> activeRuns,
			ObjectProvider<CostTracker> costTracker) {
		return new OperationStatistics(properties.getWindow(), limits, clock.getIfUnique(Clock::systemUTC),
				activeRuns.getIfUnique(), costTracker.getIfUnique());
	}

}
