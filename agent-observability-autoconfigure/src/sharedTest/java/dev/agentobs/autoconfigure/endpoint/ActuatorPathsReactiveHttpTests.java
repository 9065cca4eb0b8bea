package dev.agentobs.autoconfigure.endpoint;

import java.net.http.HttpResponse;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.LoopbackHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Robutler's {@code /metrics}, {@code /health} and {@code /health/detailed} in a reactive
 * application (Spring WebFlux): each answers as the actuator path it stands for.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "monitoring.metrics.endpoint=/metrics",
				"monitoring.health_checks.endpoint=/health", "monitoring.health_checks.detailed_endpoint=/health/detailed",
				"management.endpoints.web.exposure.include=health,prometheus", "monitoring.logging.events=false",
				// Spring Boot's tests leave metrics export (the Prometheus endpoint) off unless told
				"spring.test.observability.auto-configure=true",
				// and with it every registry on the class path: StatsD, for the StatsD test, would send
				// to a port where nothing listens, on its own threads, for nothing this test reads
				"management.statsd.metrics.export.enabled=false",
				// Spring AI's OpenAI and Anthropic clients are on the test class path for the bridge tests
				"spring.ai.openai.api-key=unused", "spring.ai.anthropic.api-key=unused" })
@DirtiesContext
class ActuatorPathsReactiveHttpTests {

	@LocalServerPort
	private int port;

	@Autowired
	private AgentObservations observations;

	@Test
	void extraPathsAnswerAsTheActuatorsInWebFlux() throws Exception {
		this.observations.agent("research-agent").observe(() -> "done");
		HttpResponse<String> metrics = LoopbackHttp.get(this.port, "/metrics");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("# TYPE gen_ai_invoke_agent_duration_seconds histogram")
			.contains("gen_ai_agent_name=\"research-agent\"");
		HttpResponse<String> health = LoopbackHttp.get(this.port, "/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(health.body(), "$.status")).isEqualTo("UP");
		HttpResponse<String> detailed = LoopbackHttp.get(this.port, "/health/detailed");
		assertThat(detailed.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Map<String, Object>>read(detailed.body(), "$.components")).containsOnlyKeys("agents");
		assertThat(JsonPath.<Integer>read(detailed.body(), "$.components.agents.details.requests")).isEqualTo(1);
		assertThat(LoopbackHttp.get(this.port, "/health/other").statusCode()).isEqualTo(404);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
