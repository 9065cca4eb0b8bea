package dev.agentobs.autoconfigure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.internal.alert.JsonEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AlertJsonConfiguration}: webhook bodies written by Jackson 3 on Spring Boot 4.
 */
class AlertJsonConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(), BootAutoConfigurations.metrics(),
				AgentObservationAutoConfiguration.class, AgentCostAutoConfiguration.class,
				AgentStatisticsAutoConfiguration.class, AgentAlertingAutoConfiguration.class));

	@Test
	void webhookBodiesAreWrittenByTheApplicationsJsonMapper() {
		this.contextRunner
			.withBean(JsonMapper.class, () -> JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build())
			.run((context) -> assertThat(context.getBean(JsonEncoder.class).encode(Map.of("status", "firing")))
				.isEqualTo("{\n  \"status\" : \"firing\"\n}"));
	}

	@Test
	void webhookBodiesAreWrittenByAPlainJsonMapperWhenTheApplicationHasNone() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean(JsonEncoder.class).encode(Map.of("status", "firing", "agents", List.of("a", "b"))))
			.isIn("{\"status\":\"firing\",\"agents\":[\"a\",\"b\"]}", "{\"agents\":[\"a\",\"b\"],\"status\":\"firing\"}"));
	}

	@Test
	void webhookWithoutJacksonFailsNamingTheStarter() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(JsonMapper.class))
			.withPropertyValues("monitoring.alerts.webhooks[0].url=https://hooks.example.org/agents")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("monitoring.alerts.webhooks[0].url")
				.hasMessageContaining("https://hooks.example.org/<sha256:")
				.hasMessageNotContaining("/agents")
				.hasMessageContaining("spring-boot-starter-json"));
	}

}
