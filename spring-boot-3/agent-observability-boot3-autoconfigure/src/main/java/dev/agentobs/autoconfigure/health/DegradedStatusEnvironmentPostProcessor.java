package dev.agentobs.autoconfigure.health;

import java.util.List;
import java.util.Map;

import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Ranks {@link AgentsHealthIndicator#DEGRADED DEGRADED} between DOWN and UP in the health
 * endpoint's status order, without any configuration. Spring Boot leaves statuses missing
 * from its order out of the aggregate, so without it a DEGRADED agents indicator would
 * leave {@code /actuator/health} UP. It adds {@value #ORDER_PROPERTY} as a property of
 * lowest precedence, and only when the application has not set it: a user's own order
 * always wins. DEGRADED needs no HTTP mapping: statuses Spring Boot does not map answer 200.
 *
 * @since 0.1.0
 */
public class DegradedStatusEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** The property holding the health endpoint's status order. */
	public static final String ORDER_PROPERTY = "management.endpoint.health.status.order";

	/** The name of the property source this adds. */
	public static final String PROPERTY_SOURCE_NAME = "agentObservabilityHealthStatusOrder";

	/** Spring Boot's default order with DEGRADED between OUT_OF_SERVICE and UP. */
	public static final List<String> ORDER = List.of("DOWN", "OUT_OF_SERVICE", "DEGRADED", "UP", "UNKNOWN");

	private static final String HEALTH_STATUS_CLASS = "org.springframework.boot.actuate.health.Status";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!ClassUtils.isPresent(HEALTH_STATUS_CLASS, getClass().getClassLoader())) {
			return;
		}
		Binder binder = Binder.get(environment);
		if (!isIndicatorEnabled(binder) || binder.bind(ORDER_PROPERTY, Bindable.listOf(String.class)).isBound()) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(ORDER_PROPERTY, String.join(",", ORDER))));
	}

	private static boolean isIndicatorEnabled(Binder binder) {
		if (!binder.bind("monitoring.enabled", Boolean.class).orElse(true)) {
			return false;
		}
		// As @ConditionalOnEnabledHealthIndicator("agents") decides
		boolean defaults = binder.bind("management.health.defaults.enabled", Boolean.class).orElse(true);
		return binder.bind("management.health.agents.enabled", Boolean.class).orElse(defaults);
	}

	@Override
	public int getOrder() {
		// After the configuration files are loaded, so that a user's order is seen.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
