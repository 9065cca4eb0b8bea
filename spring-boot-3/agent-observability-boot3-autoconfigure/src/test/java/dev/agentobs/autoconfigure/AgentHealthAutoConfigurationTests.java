package dev.agentobs.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.health.AgentsHealthIndicator;
import dev.agentobs.operation.AgentOperation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentHealthAutoConfiguration} on Spring Boot 3.5's health API.
 */
class AgentHealthAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
				AgentObservationAutoConfiguration.class, AgentCostAutoConfiguration.class,
				AgentStatisticsAutoConfiguration.class, AgentHealthAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class))
		.withPropertyValues("monitoring.logging.events=false");

	@Test
	void indicatorIsContributedAsAgents() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(AgentsHealthIndicator.class);
			assertThat(context.getBean(HealthContributorRegistry.class).getContributor("agents"))
				.isInstanceOf(AgentsHealthIndicator.class);
		});
	}

	@Test
	void thresholdsComeFromProperties() {
		this.contextRunner
			.withPropertyValues("monitoring.health.min-requests=2", "monitoring.health.degraded.error-rate=0.2",
					"monitoring.health.down.error-rate=0.9", "monitoring.health.degraded.response_time=7000")
			.run((context) -> {
				AgentObservations observations = context.getBean(AgentObservations.class);
				observations.record(AgentOperation.agentRun("research-agent").errorType("timeout").build());
				observations.record(AgentOperation.agentRun("research-agent").build());
				observations.record(AgentOperation.agentRun("research-agent").build());
				Health health = context.getBean(AgentsHealthIndicator.class).getHealth(true);
				// One failure in three: 0.33 is past the degraded 0.2 and short of the down 0.9
				assertThat(health.getStatus()).isEqualTo(AgentsHealthIndicator.DEGRADED);
				// A bare number is milliseconds, as in Robutler-style configuration
				assertThat(context.getBean(AgentHealthProperties.class).getDegraded().getResponseTime())
					.isEqualTo(Duration.ofSeconds(7));
			});
	}

	@Test
	void downThresholdBelowTheDegradedOneFailsStartUp() {
		this.contextRunner.withPropertyValues("monitoring.health.down.error-rate=0.05").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.health.down.error-rate", "Value: \"0.05\"",
						"Reason: down.error-rate must be at least the degraded error rate (0.1)");
		});
	}

	@Test
	void errorRateAboveOneFailsStartUpNamingTheKey() {
		this.contextRunner.withPropertyValues("monitoring.health.degraded.error-rate=10").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.health.degraded.error-rate", "Value: \"10.0\"",
						"Reason: error-rate must be a fraction above 0 and at most 1, such as 0.10 for 10%, was 10.0");
		});
	}

	@Test
	void noIndicatorWhenDisabled() {
		this.contextRunner.withPropertyValues("management.health.agents.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AgentsHealthIndicator.class));
	}

	@Test
	void noIndicatorWhenDefaultIndicatorsAreDisabled() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AgentsHealthIndicator.class));
		this.contextRunner
			.withPropertyValues("management.health.defaults.enabled=false", "management.health.agents.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(AgentsHealthIndicator.class));
	}

	@Test
	void noIndicatorWhenMonitoringIsDisabled() {
		this.contextRunner.withPropertyValues("monitoring.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AgentsHealthIndicator.class));
	}

	@Test
	void noIndicatorWithoutSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AgentsHealthIndicator.class));
	}

	@Test
	void usersAgentsIndicatorReplacesTheDefaultOne() {
		HealthIndicator custom = () -> Health.status(Status.OUT_OF_SERVICE).build();
		this.contextRunner.withBean("agentsHealthIndicator", HealthIndicator.class, () -> custom).run((context) -> {
			assertThat(context).doesNotHaveBean(AgentsHealthIndicator.class);
			assertThat(context.getBean(HealthContributorRegistry.class).getContributor("agents")).isSameAs(custom);
		});
	}

}
