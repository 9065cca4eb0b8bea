package dev.agentobs.autoconfigure;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import dev.agentobs.internal.tracing.AgentContentObservationFilter;
import dev.agentobs.internal.tracing.AgentTracingObservationHandler;

/**
 * Spans of agent operations through Spring Boot's tracing.
 *
 * @since 0.1.0
 */
// After Boot's tracing: the Tracer bean it (or the OpenTelemetry bridge) defines decides
// whether there are spans to make. Named for both Spring Boot generations.
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration" })
@ConditionalOnClass({ Tracer.class, TracingObservationHandler.class })
@ConditionalOnMonitoringEnabled
@EnableConfigurationProperties(AgentTracingProperties.class)
public final class AgentTracingAutoConfiguration {

	/**
	 * The order of the agent tracing handler: ahead of Spring Boot's default tracing handler
	 * in the first-match tracing group.
	 */
	public static final int TRACING_OBSERVATION_HANDLER_ORDER = 0;

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(Tracer.class)
	@Order(TRACING_OBSERVATION_HANDLER_ORDER)
	AgentTracingObservationHandler agentTracingObservationHandler(Tracer tracer) {
		return new AgentTracingObservationHandler(tracer);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("monitoring.tracing.capture-content")
	AgentContentObservationFilter agentContentObservationFilter(AgentTracingProperties tracing) {
		return new AgentContentObservationFilter(tracing.getMaxContentLength());
	}

}
