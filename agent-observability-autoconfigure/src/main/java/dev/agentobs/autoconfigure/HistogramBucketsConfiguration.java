package dev.agentobs.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.agentobs.internal.metrics.HistogramBuckets;

/**
 * The histograms' bucket boundaries for the registries that publish histograms (Prometheus,
 * OTLP), given through Spring Boot 4's customizer, which runs before any meter is registered.
 * Imported by {@link AgentMetricsAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterRegistryCustomizer.class)
class HistogramBucketsConfiguration {

	@Bean
	MeterRegistryCustomizer<MeterRegistry> agentHistogramBuckets() {
		return new HistogramBuckets()::applyTo;
	}

}
