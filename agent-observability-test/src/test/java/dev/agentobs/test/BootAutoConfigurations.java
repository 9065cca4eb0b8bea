package dev.agentobs.test;

import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;

/**
 * Spring Boot 4's auto-configurations that the tests shared by both Spring Boot generations
 * start with ours. The Spring Boot 3.5 test module has a class of the same name with its own.
 */
final class BootAutoConfigurations {

	private BootAutoConfigurations() {
	}

	/**
	 * The observation registry and its handler groups.
	 * @return Boot's observation auto-configuration
	 */
	static Class<?> observation() {
		return ObservationAutoConfiguration.class;
	}

	/**
	 * The OpenTelemetry SDK.
	 * @return Boot's OpenTelemetry SDK auto-configuration
	 */
	static Class<?> openTelemetrySdk() {
		return OpenTelemetrySdkAutoConfiguration.class;
	}

	/**
	 * The OpenTelemetry tracer bridge.
	 * @return Boot's OpenTelemetry tracing auto-configuration
	 */
	static Class<?> openTelemetryTracing() {
		return OpenTelemetryTracingAutoConfiguration.class;
	}

	/**
	 * The tracing observation handlers.
	 * @return Boot's Micrometer Tracing auto-configuration
	 */
	static Class<?> micrometerTracing() {
		return MicrometerTracingAutoConfiguration.class;
	}

}
