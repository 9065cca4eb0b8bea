package dev.agentobs.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * The Spring Boot properties that keys under {@code monitoring.} stand for, where other
 * frameworks' monitoring configuration sets what Spring Boot already does: the console log's
 * format and level, span export and sampling, the service name, the OTLP endpoint from a
 * Jaeger URL, the step of push registries, metrics export, the health group behind an extra
 * path, and the top-level {@code monitoring.email} as {@code monitoring.alerts.email}. They
 * go in one property source of the lowest precedence (before {@code defaultProperties}), so
 * that a property the application sets itself always wins.
 * <p>
 * Written once for both Spring Boot generations: each one's environment post-processor
 * gives the names of the properties that Spring Boot 4 renamed.
 *
 * @since 0.1.0
 */
final class MonitoringBootProperties {

	/** The name of the property source added. */
	static final String SOURCE = "monitoringKeysAsSpringBootProperties";

	/** Jaeger's collector port for Thrift over HTTP, whose OTLP receiver is on 4318. */
	private static final int JAEGER_THRIFT_PORT = 14268;

	private static final int OTLP_HTTP_PORT = 4318;

	private static final String OTLP_TRACES_PATH = "/v1/traces";

	/** The registries that push at a step; Prometheus is scraped and has none to set. */
	private static final String[] PUSH_REGISTRIES = { "appoptics", "atlas", "datadog", "dynatrace", "elastic",
			"ganglia", "graphite", "humio", "influx", "jmx", "kairos", "newrelic", "otlp", "signalfx", "stackdriver",
			"statsd", "wavefront" };

	private static final ConfigurationPropertyName EMAIL = ConfigurationPropertyName.of("monitoring.email");

	private static final String ALERTS_EMAIL = "monitoring.alerts.email";

	private final String tracingExportEnabled;

	private final String otlpTracingEndpoint;

	/**
	 * @param tracingExportEnabled the generation's switch of span export, such as
	 * {@code management.tracing.export.enabled}
	 * @param otlpTracingEndpoint the generation's OTLP span endpoint, such as
	 * {@code management.opentelemetry.tracing.export.otlp.endpoint}
	 */
	MonitoringBootProperties(String tracingExportEnabled, String otlpTracingEndpoint) {
		this.tracingExportEnabled = tracingExportEnabled;
		this.otlpTracingEndpoint = otlpTracingEndpoint;
	}

	/**
	 * Add the property source (replacing one added before, as a parent context's environment
	 * may be post-processed again), and log what was mapped that a user would want to know.
	 * @param environment the application's environment, its configuration files loaded
	 * @param logger where to say which Jaeger URL is used and which keys have no effect
	 */
	void addTo(ConfigurableEnvironment environment, Log logger) {
		MutablePropertySources sources = environment.getPropertySources();
		sources.remove(SOURCE);
		Binder binder = Binder.get(environment);
		if (isFalse(binder, "monitoring.enabled")) {
			// Monitoring off is off: nothing else of the starter's configuration applies either
			return;
		}
		Map<String, Object> derived = new LinkedHashMap<>();
		addEmail(environment, derived);
		addMetrics(binder, derived);
		addLogging(binder, derived);
		addHealth(binder, derived);
		URI jaeger = addTracing(binder, derived);
		if (!derived.isEmpty()) {
			MapPropertySource source = new MapPropertySource(SOURCE, derived);
			if (sources.contains("defaultProperties")) {
				sources.addBefore("defaultProperties", source);
			}
			else {
				sources.addLast(source);
			}
		}
		if (jaeger != null) {
			logJaeger(environment, jaeger, logger);
		}
		binder.bind("monitoring.logging.output", String.class)
			.ifBound((output) -> logger.info("Accepted with no effect in a Spring Boot application: "
					+ "monitoring.logging.output=" + output
					+ " (the console log is standard output; a file is logging.file.name)"));
	}

	// Every key under monitoring.email, in every form and source, under monitoring.alerts.email,
	// keeping its origin for the failure analysis of a bad value
	private static void addEmail(ConfigurableEnvironment environment, Map<String, Object> derived) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			for (ConfigurationPropertyName name : iterable) {
				if (!EMAIL.isAncestorOf(name)) {
					continue;
				}
				String target = aliased(name);
				ConfigurationProperty property = source.getConfigurationProperty(name);
				if (property != null && property.getValue() != null && !derived.containsKey(target)) {
					derived.put(target, OriginTrackedValue.of(property.getValue(), property.getOrigin()));
				}
			}
		}
	}

	private static String aliased(ConfigurationPropertyName name) {
		StringBuilder target = new StringBuilder(ALERTS_EMAIL);
		for (int i = EMAIL.getNumberOfElements(); i < name.getNumberOfElements(); i++) {
			String element = name.getElement(i, Form.DASHED);
			if (name.isNumericIndex(i)) {
				target.append('[').append(element).append(']');
			}
			else {
				target.append('.').append(element);
			}
		}
		return target.toString();
	}

	private static void addMetrics(Binder binder, Map<String, Object> derived) {
		if (isFalse(binder, "monitoring.metrics.enabled")) {
			derived.put("management.defaults.metrics.export.enabled", "false");
		}
		String interval = binder.bind("monitoring.metrics.collect-interval", String.class).orElse(null);
		Duration step = duration(interval);
		if (step != null) {
			for (String registry : PUSH_REGISTRIES) {
				derived.put("management." + registry + ".metrics.export.step", step.toString());
			}
		}
	}

	private static void addLogging(Binder binder, Map<String, Object> derived) {
		binder.bind("monitoring.logging.level", String.class)
			.ifBound((level) -> derived.put("logging.level.root", level));
		binder.bind("monitoring.logging.format", String.class).ifBound((format) -> {
			String structured = structured(format);
			if (structured != null) {
				derived.put("logging.structured.format.console", structured);
			}
		});
	}

	private static void addHealth(Binder binder, Map<String, Object> derived) {
		if (isFalse(binder, "monitoring.health-checks.enabled")) {
			derived.put("management.health.agents.enabled", "false");
			return;
		}
		if (binder.bind("monitoring.health-checks.detailed-endpoint", String.class).isBound()) {
			derived.put("management.endpoint.health.group.detailed.include", "agents");
			derived.put("management.endpoint.health.group.detailed.show-details", "always");
		}
	}

	private @Nullable URI addTracing(Binder binder, Map<String, Object> derived) {
		if (isFalse(binder, "monitoring.tracing.enabled")) {
			derived.put(this.tracingExportEnabled, "false");
			derived.put("management.tracing.sampling.probability", "0.0");
		}
		binder.bind("monitoring.tracing.service-name", String.class).ifBound((name) -> {
			derived.put("spring.application.name", name);
			derived.put("management.opentelemetry.resource-attributes.service.name", name);
			derived.put("management.metrics.tags.application", name);
		});
		URI jaeger = uri(binder.bind("monitoring.tracing.jaeger-endpoint", String.class).orElse(null));
		if (jaeger != null) {
			derived.put(this.otlpTracingEndpoint, otlpEndpoint(jaeger).toString());
		}
		return jaeger;
	}

	private void logJaeger(ConfigurableEnvironment environment, URI jaeger, Log logger) {
		String used = environment.getProperty(this.otlpTracingEndpoint);
		if (!environment.getProperty(this.tracingExportEnabled, Boolean.class, true)) {
			logger.info("Spans are not exported: " + this.tracingExportEnabled
					+ " is false (monitoring.tracing.enabled), so Jaeger at " + used + " gets none");
			return;
		}
		logger.info("Spans are exported over OTLP to " + used + " (" + this.otlpTracingEndpoint
				+ ", from monitoring.tracing.jaeger-endpoint " + jaeger
				+ "; Jaeger's /api/traces takes Thrift, its OTLP receiver takes " + OTLP_TRACES_PATH + ")");
	}

	/**
	 * Jaeger's OTLP receiver for a Jaeger URL: the same scheme and host, port 4318 where the
	 * URL has Thrift's 14268 or none, and the path {@value #OTLP_TRACES_PATH}.
	 * @param jaeger the URL as configured, such as {@code http://localhost:14268/api/traces}
	 * @return the receiver's URL, such as {@code http://localhost:4318/v1/traces}
	 */
	static URI otlpEndpoint(URI jaeger) {
		int port = (jaeger.getPort() == JAEGER_THRIFT_PORT || jaeger.getPort() == -1) ? OTLP_HTTP_PORT
				: jaeger.getPort();
		try {
			return new URI(jaeger.getScheme(), jaeger.getUserInfo(), jaeger.getHost(), port, OTLP_TRACES_PATH, null,
					null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Not a URL: " + jaeger, ex);
		}
	}

	// A bad value is left to the properties' validation, which names it
	private static boolean isFalse(Binder binder, String name) {
		return binder.bind(name, String.class).map((value) -> value.trim().equalsIgnoreCase("false")).orElse(false);
	}

	private static @Nullable URI uri(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			URI uri = new URI(value.trim());
			return (uri.getScheme() != null && uri.getHost() != null) ? uri : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static @Nullable Duration duration(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			Duration duration = DurationStyle.detectAndParse(value.trim(), ChronoUnit.SECONDS);
			return (duration.isNegative() || duration.isZero()) ? null : duration;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable String structured(String format) {
		try {
			return AgentLoggingProperties.Format.valueOf(format.trim().toUpperCase(Locale.ROOT)).structured();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
