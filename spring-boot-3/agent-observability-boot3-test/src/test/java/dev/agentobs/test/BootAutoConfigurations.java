package dev.agentobs.test;

import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;

/**
 * Spring Boot 3.5's auto-configurations that the tests shared by both Spring Boot generations
 * start with ours. The Spring Boot 4 test module has a class of the same name with its own.
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
		return OpenTelemetryAutoConfiguration.class;
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
