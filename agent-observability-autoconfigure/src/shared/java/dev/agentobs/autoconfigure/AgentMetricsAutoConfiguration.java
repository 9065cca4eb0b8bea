package dev.agentobs.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.MeterObservationHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;

import dev.agentobs.internal.metrics.AgentMetrics;
import dev.agentobs.internal.metrics.AgentObservationTimerSuppressor;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.internal.stats.ActiveAgentRuns;

/**
 * Meters of agent operations in the application's {@link MeterRegistry}, with the histograms'
 * bucket boundaries given only to the registries that publish histograms
 * ({@code HistogramBucketsConfiguration}, one per Spring Boot generation).
 *
 * @since 0.1.0
 */
// After the composite registry, which comes after every export registry: only then is it
// known whether the application has a MeterRegistry at all.
@AutoConfiguration(after = AgentObservationAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, MeterObservationHandler.class })
@ConditionalOnBean({ MeterRegistry.class, TagValueLimits.class })
@ConditionalOnMonitoringEnabled
@Import(HistogramBucketsConfiguration.class)
public final class AgentMetricsAutoConfiguration {

	/**
	 * The order of {@link #agentObservationTimerSuppressor()}: ahead of Spring Boot's
	 * unordered default meter handler in the first-match meter group.
	 */
	public static final int METER_OBSERVATION_HANDLER_ORDER = 0;

	@Bean
	@ConditionalOnMissingBean
	AgentMetrics agentMetrics(MeterRegistry registry, TagValueLimits limits,
			ObjectProvider<ActiveAgentRuns> activeRuns) {
		AgentMetrics metrics = new AgentMetrics(registry, limits);
		activeRuns.ifAvailable((runs) -> runs.onNewAgent(metrics::gaugeActiveRuns));
		return metrics;
	}

	@Bean
	@ConditionalOnMissingBean
	@Order(METER_OBSERVATION_HANDLER_ORDER)
	AgentObservationTimerSuppressor agentObservationTimerSuppressor() {
		return new AgentObservationTimerSuppressor();
	}

}
