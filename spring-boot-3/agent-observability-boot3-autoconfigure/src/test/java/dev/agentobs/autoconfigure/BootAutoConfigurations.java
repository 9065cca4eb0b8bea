package dev.agentobs.autoconfigure;

import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot 3.5's auto-configurations that the tests shared by both Spring Boot generations
 * start with ours, here and in the test support's tests (through this module's test jar).
 * The Spring Boot 4 module has a class of the same name with its own.
 */
public final class BootAutoConfigurations {

	private BootAutoConfigurations() {
	}

	/**
	 * The observation registry and its handler groups.
	 * @return Boot's observation auto-configuration
	 */
	public static Class<?> observation() {
		return ObservationAutoConfiguration.class;
	}

	/**
	 * The metrics set-up that registers the meter observation handler.
	 * @return Boot's metrics auto-configuration
	 */
	public static Class<?> metrics() {
		return MetricsAutoConfiguration.class;
	}

	/**
	 * The composite registry over the application's registries, when it has several.
	 * @return Boot's composite meter registry auto-configuration
	 */
	public static Class<?> compositeMetrics() {
		return CompositeMeterRegistryAutoConfiguration.class;
	}

	/**
	 * The OpenTelemetry SDK.
	 * @return Boot's OpenTelemetry SDK auto-configuration
	 */
	public static Class<?> openTelemetrySdk() {
		return OpenTelemetryAutoConfiguration.class;
	}

	/**
	 * The OpenTelemetry tracer bridge.
	 * @return Boot's OpenTelemetry tracing auto-configuration
	 */
	public static Class<?> openTelemetryTracing() {
		return OpenTelemetryTracingAutoConfiguration.class;
	}

	/**
	 * The tracing observation handlers.
	 * @return Boot's Micrometer Tracing auto-configuration
	 */
	public static Class<?> micrometerTracing() {
		return MicrometerTracingAutoConfiguration.class;
	}

	/**
	 * Boot's observation and metrics auto-configurations, for applications started by
	 * {@code SpringApplication}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ObservationAutoConfiguration.class, MetricsAutoConfiguration.class })
	public static class ObservationAndMetrics {

	}

}
