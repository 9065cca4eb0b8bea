package dev.agentobs.autoconfigure;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.agentobs.cost.CostCalculator;
import dev.agentobs.cost.CostMetrics;
import dev.agentobs.cost.CostTracker;
import dev.agentobs.cost.ModelPrice;
import dev.agentobs.metrics.TagValueLimits;

/**
 * Cost of model calls: prices from {@code monitoring.cost.models}, the day's tokens and cost,
 * and the {@code gen_ai_client_cost_usd_total} counter when there is a meter registry.
 *
 * @since 0.1.0
 */
// After the composite registry, which comes after every export registry: only then is it
// known whether the application has a MeterRegistry for the cost counter.
@AutoConfiguration(after = AgentObservationAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnBean(TagValueLimits.class)
@ConditionalOnMonitoringEnabled
@EnableConfigurationProperties(MonitoringProperties.class)
public final class AgentCostAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CostCalculator agentCostCalculator(MonitoringProperties properties) {
		Map<String, ModelPrice> prices = new LinkedHashMap<>();
		properties.getCost().getModels().forEach((model, price) -> prices.put(model, modelPrice(model, price)));
		return new CostCalculator(prices);
	}

	private static ModelPrice modelPrice(String model, MonitoringProperties.ModelPrice price) {
		Double input = price.getInput();
		Double output = price.getOutput();
		if (input == null || output == null) {
			String prefix = model.matches("[a-z0-9-]+") ? "monitoring.cost.models." + model
					: "monitoring.cost.models[" + model + "]";
			String key = prefix + ((input == null) ? ".input" : ".output");
			throw new IllegalStateException(key + " is not set but model '" + model
					+ "' has a price: set both input and output in USD per million tokens (0 for a model that "
					+ "charges no output, such as an embedding model)");
		}
		Double cachedInput = price.getCachedInput();
		return new ModelPrice(input, output, (cachedInput != null) ? cachedInput : input);
	}

	@Bean
	@ConditionalOnMissingBean
	CostTracker agentCostTracker(CostCalculator calculator, TagValueLimits limits, MonitoringProperties properties,
			ObjectProvider<Clock> clock) {
		return new CostTracker(calculator, limits, clock.getIfUnique(Clock::systemUTC),
				properties.getCost().getZone());
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

	}

}
