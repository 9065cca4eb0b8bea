package dev.agentobs.autoconfigure;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Spring Boot 4's entry to {@link MonitoringBootProperties}: the Spring Boot properties that
 * keys under {@code monitoring.} stand for, of the lowest precedence, with Spring Boot 4's
 * names of span export and of the OTLP span endpoint.
 *
 * @since 0.1.0
 */
public class MonitoringKeysEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private final Log logger;

	public MonitoringKeysEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(MonitoringKeysEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		new MonitoringBootProperties("management.tracing.export.enabled",
				"management.opentelemetry.tracing.export.otlp.endpoint")
			.addTo(environment, this.logger);
	}

	@Override
	public int getOrder() {
		// After the configuration files are loaded, so that the keys written there are seen
		return Ordered.LOWEST_PRECEDENCE;
	}

}
