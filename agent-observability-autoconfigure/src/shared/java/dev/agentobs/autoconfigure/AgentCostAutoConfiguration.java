package dev.agentobs.autoconfigure;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

import dev.agentobs.internal.cost.BudgetStopMetrics;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.cost.CostMetrics;
import dev.agentobs.internal.cost.CostTracker;
import dev.agentobs.internal.metrics.TagValueLimits;

/**
 * Cost of model calls: prices from {@code monitoring.cost.models} and the price catalogue, the
 * day's tokens and cost, and the {@code gen_ai_client_cost_usd_total} and
 * {@code agent_budget_exceeded_total} counters when there is a meter registry.
 *
 * @since 0.1.0
 */
// After the composite registry, which comes after every export registry: only then is it
// known whether the application has a MeterRegistry for the cost counter.
@AutoConfiguration(after = AgentObservationAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnBean(TagValueLimits.class)
@ConditionalOnMonitoringEnabled
@EnableConfigurationProperties(AgentCostProperties.class)
public final class AgentCostAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CostCalculator agentCostCalculator(AgentCostProperties cost, ResourceLoader resourceLoader) {
		return cost.createCostCalculator(resourceLoader);
	}

	@Bean
	@ConditionalOnMissingBean
	CostTracker agentCostTracker(CostCalculator calculator, TagValueLimits limits, AgentCostProperties cost,
			ObjectProvider<Clock> clock) {
		return new CostTracker(calculator, limits, clock.getIfUnique(Clock::systemUTC), cost.getZone());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class CostMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CostMetrics agentCostMetrics(MeterRegistry registry, CostCalculator calculator, TagValueLimits limits) {
			return new CostMetrics(registry, calculator, limits);
		}

		@Bean
		@ConditionalOnMissingBean
		BudgetStopMetrics agentBudgetStopMetrics(MeterRegistry registry, TagValueLimits limits) {
			return new BudgetStopMetrics(registry, limits);
		}

	}

}
