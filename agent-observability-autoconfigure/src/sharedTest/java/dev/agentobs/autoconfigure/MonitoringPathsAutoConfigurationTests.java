package dev.agentobs.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.agentobs.autoconfigure.endpoint.ActuatorPathsFilter;
import dev.agentobs.autoconfigure.endpoint.ActuatorPathsWebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the extra paths of the actuator's endpoints are served; what they serve is tested over
 * HTTP in the sample ({@code RobutlerConfigurationTests}) and, reactive, in the Spring Boot 3.5
 * module ({@code ActuatorPathsReactiveHttpTests}).
 */
@ExtendWith(OutputCaptureExtension.class)
class MonitoringPathsAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MonitoringPathsAutoConfiguration.class));

	@Test
	void noExtraPathMeansNoFilter() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ActuatorPathsFilter.class));
	}

	@Test
	void anyExtraPathAddsTheFilter() {
		this.contextRunner.withPropertyValues("monitoring.health_checks.detailed_endpoint=/health/detailed")
			.run((context) -> assertThat(context).hasSingleBean(ActuatorPathsFilter.class));
		this.contextRunner.withPropertyValues("monitoring.metrics.endpoint=/metrics")
			.run((context) -> assertThat(context).hasSingleBean(ActuatorPathsFilter.class)
				.doesNotHaveBean(ActuatorPathsWebFilter.class));
	}

	@Test
	void pathThatIsNoPathStopsStartUp() {
		this.contextRunner.withPropertyValues("monitoring.metrics.endpoint=metrics")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("endpoint must be a path such as /metrics, was metrics"));
	}

	@Test
	void actuatorOnItsOwnPortIsSaidNotToServeThePaths(CapturedOutput output) {
		this.contextRunner.withPropertyValues("monitoring.metrics.endpoint=/metrics", "management.server.port=9091")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("[/metrics] are not served: the actuator is on management.server.port 9091");
	}

	@Test
	void monitoringOffMeansNoFilter() {
		this.contextRunner.withPropertyValues("monitoring.metrics.endpoint=/metrics", "monitoring.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ActuatorPathsFilter.class));
	}

}
