package dev.agentobs.autoconfigure.health;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Spring Boot 3.5's entry to {@link DegradedStatusOrder}: ranks DEGRADED between DOWN and UP in
 * the health endpoint's status order with no configuration, so that a DEGRADED {@code agents}
 * indicator counts in {@code /actuator/health}; a user's own order always wins.
 *
 * @since 0.1.0
 */
public class DegradedStatusEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		DegradedStatusOrder.rankDegraded(environment, "org.springframework.boot.actuate.health.Status",
				getClass().getClassLoader());
	}

	@Override
	public int getOrder() {
		// After the configuration files are loaded, so that a user's order is seen.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
