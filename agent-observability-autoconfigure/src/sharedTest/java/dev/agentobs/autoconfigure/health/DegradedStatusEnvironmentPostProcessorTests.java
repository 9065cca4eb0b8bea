package dev.agentobs.autoconfigure.health;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DegradedStatusEnvironmentPostProcessor}.
 */
class DegradedStatusEnvironmentPostProcessorTests {

	private final DegradedStatusEnvironmentPostProcessor postProcessor = new DegradedStatusEnvironmentPostProcessor();

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void ranksDegradedBetweenDownAndUpWhenNoOrderIsSet() {
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(order()).containsExactly("DOWN", "OUT_OF_SERVICE", "DEGRADED", "UP", "UNKNOWN");
		assertThat(this.environment.getPropertySources()
			.contains(DegradedStatusOrder.PROPERTY_SOURCE_NAME)).isTrue();
	}

	@Test
	void usersOrderWins() {
		this.environment.setProperty("management.endpoint.health.status.order", "FATAL,DOWN,UP");
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(order()).containsExactly("FATAL", "DOWN", "UP");
	}

	@Test
	void usersIndexedOrderWins() {
		this.environment.setProperty("management.endpoint.health.status.order[0]", "DOWN");
		this.environment.setProperty("management.endpoint.health.status.order[1]", "UP");
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(order()).containsExactly("DOWN", "UP");
	}

	@Test
	void addsNothingWhenTheIndicatorIsDisabled() {
		this.environment.setProperty("management.health.agents.enabled", "false");
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(order()).isEmpty();
	}

	@Test
	void addsNothingWhenDefaultIndicatorsAreDisabled() {
		this.environment.setProperty("management.health.defaults.enabled", "false");
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(order()).isEmpty();
	}

	@Test
	void addsNothingWhenMonitoringIsDisabled() {
		this.environment.setProperty("monitoring.enabled", "false");
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(order()).isEmpty();
	}

	private List<String> order() {
		return Binder.get(this.environment)
			.bind(DegradedStatusOrder.ORDER_PROPERTY, Bindable.listOf(String.class))
			.orElse(List.of());
	}

}
