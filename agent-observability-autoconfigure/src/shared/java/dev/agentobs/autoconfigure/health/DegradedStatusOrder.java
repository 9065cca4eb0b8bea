package dev.agentobs.autoconfigure.health;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * What each generation's {@code DegradedStatusEnvironmentPostProcessor} does, apart from the
 * interface Spring Boot moved between its generations: ranks DEGRADED between DOWN and UP in
 * the health endpoint's status order when the {@code agents} indicator is on and the
 * application has set no order of its own. Spring Boot leaves statuses missing from its order
 * out of the aggregate, so without it a DEGRADED indicator would leave {@code /actuator/health}
 * UP. DEGRADED needs no HTTP mapping: statuses Spring Boot does not map answer 200.
 */
final class DegradedStatusOrder {

	static final String ORDER_PROPERTY = "management.endpoint.health.status.order";

	static final String PROPERTY_SOURCE_NAME = "agentObservabilityHealthStatusOrder";

	static final List<String> ORDER = List.of("DOWN", "OUT_OF_SERVICE", "DEGRADED", "UP", "UNKNOWN");

	private DegradedStatusOrder() {
	}

	/**
	 * Add the order as a property of lowest precedence, unless it does not apply.
	 * @param environment the application's environment
	 * @param healthStatusClass the class of the generation's health {@code Status}: without it
	 * there is no health endpoint to order
	 * @param classLoader where to look for it
	 */
	static void rankDegraded(ConfigurableEnvironment environment, String healthStatusClass, ClassLoader classLoader) {
		if (!ClassUtils.isPresent(healthStatusClass, classLoader)) {
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

}
