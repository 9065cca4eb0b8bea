package dev.agentobs.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.autoconfigure.endpoint.AgentsEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentEndpointAutoConfiguration}.
 */
class AgentEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
				AgentObservationAutoConfiguration.class, AgentCostAutoConfiguration.class,
				AgentStatisticsAutoConfiguration.class, AgentEndpointAutoConfiguration.class));

	@Test
	void endpointExistsOnceExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=agents")
			.run((context) -> assertThat(context).hasSingleBean(AgentsEndpoint.class));
	}

	@Test
	void endpointIsNotExposedByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(AgentsEndpoint.class));
	}

	@Test
	void noEndpointWhenItsAccessIsNone() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=agents",
					"management.endpoint.agents.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(AgentsEndpoint.class));
	}

	@Test
	void noEndpointWithoutSpringBootActuator() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=agents")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AgentsEndpoint.class));
	}

	@Test
	void noEndpointWhenMonitoringIsDisabled() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=agents", "monitoring.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AgentsEndpoint.class));
	}

	@Test
	void usersEndpointReplacesTheDefaultOne() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=agents")
			.withBean("myAgentsEndpoint", AgentsEndpoint.class,
					() -> new AgentsEndpoint(() -> {
						throw new UnsupportedOperationException();
					}))
			.run((context) -> assertThat(context).hasSingleBean(AgentsEndpoint.class).hasBean("myAgentsEndpoint"));
	}

	@Test
	void endpointReadsTheStatistics() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=agents")
			.run((context) -> assertThat(context.getBean(AgentsEndpoint.class).agents()).satisfies((agents) -> {
				assertThat(agents.window()).isEqualTo("PT5M");
				assertThat(agents).extracting("overall", "agents", "models", "tools", "today", "recentErrors")
					.doesNotContainNull();
			}));
	}

}
