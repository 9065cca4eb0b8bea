package dev.agentobs.test;

import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The recorders of {@link AutoConfigureAgentObservability @AutoConfigureAgentObservability}:
 * {@link RecordedAgentOperations} always, {@link RecordedSpans} when the application traces
 * with the OpenTelemetry SDK. Imported by the annotation only, never by the application's own
 * auto-configuration. The module does bring Spring Boot's metrics test support, which turns
 * metrics export off in tests that do not ask for it (see the module's README).
 *
 * @since 0.1.0
 */
@AutoConfiguration
public final class AgentObservabilityTestAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RecordedAgentOperations recordedAgentOperations(Environment environment) {
		return new RecordedAgentOperations(ModelPrices.from(environment));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ SdkTracerProvider.class, SpanProcessor.class })
	static class SpansConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RecordedSpans recordedSpans() {
			return new RecordedSpans();
		}

		// Spring Boot adds every SpanProcessor bean to the SdkTracerProvider it builds
		@Bean
		SpanProcessor recordedSpansProcessor(RecordedSpans recordedSpans) {
			return new RecordingSpanProcessor(recordedSpans);
		}

	}

}
