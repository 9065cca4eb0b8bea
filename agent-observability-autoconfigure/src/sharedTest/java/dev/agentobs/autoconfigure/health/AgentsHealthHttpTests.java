package dev.agentobs.autoconfigure.health;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.LoopbackHttp;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.stats.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agents health indicator over real HTTP, in an application with no configuration of
 * health statuses: DEGRADED answers 200 and ranks between DOWN and UP, DOWN answers 503, and
 * the liveness probe never depends on the agents.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoint.health.show-details=always",
				"management.endpoint.health.probes.enabled=true", "monitoring.logging.events=false",
				// Spring AI's OpenAI and Anthropic clients are on the test class path for the bridge tests
				"spring.ai.openai.api-key=unused", "spring.ai.anthropic.api-key=unused" })
class AgentsHealthHttpTests {

	@LocalServerPort
	private int port;

	@Autowired
	private AgentObservations observations;

	@Autowired
	private MutableClock clock;

	@BeforeEach
	void emptyTheWindow() {
		this.clock.advance(Duration.ofMinutes(6));
	}

	@Test
	void upWithInsufficientDataBeforeAnyRequest() throws Exception {
		HttpResponse<String> agents = LoopbackHttp.get(this.port, "/actuator/health/agents");
		assertThat(agents.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(agents.body(), "$.status")).isEqualTo("UP");
		assertThat(JsonPath.<String>read(agents.body(), "$.details.reason")).startsWith("insufficient data");
	}

	@Test
	void degradedAnswers200AndMakesTheApplicationDegraded() throws Exception {
		runs(9, 1);
		HttpResponse<String> agents = LoopbackHttp.get(this.port, "/actuator/health/agents");
		assertThat(agents.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(agents.body(), "$.status")).isEqualTo("DEGRADED");
		assertThat(JsonPath.<Integer>read(agents.body(), "$.details.requests")).isEqualTo(10);
		assertThat(JsonPath.<String>read(agents.body(), "$.details.recentErrors[0].type")).isEqualTo("timeout");
		HttpResponse<String> health = LoopbackHttp.get(this.port, "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(health.body(), "$.status")).isEqualTo("DEGRADED");
	}

	@Test
	void downAnswers503ButLivenessStays200() throws Exception {
		runs(5, 5);
		HttpResponse<String> agents = LoopbackHttp.get(this.port, "/actuator/health/agents");
		assertThat(agents.statusCode()).isEqualTo(503);
		assertThat(JsonPath.<String>read(agents.body(), "$.status")).isEqualTo("DOWN");
		assertThat(JsonPath.<Double>read(agents.body(), "$.details.errorRate")).isEqualTo(0.5);
		assertThat(LoopbackHttp.get(this.port, "/actuator/health").statusCode()).isEqualTo(503);
		HttpResponse<String> liveness = LoopbackHttp.get(this.port, "/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(liveness.body(), "$.status")).isEqualTo("UP");
	}

	@Test
	void recoversOnceTheFailuresLeaveTheWindow() throws Exception {
		runs(0, 10);
		assertThat(LoopbackHttp.get(this.port, "/actuator/health/agents").statusCode()).isEqualTo(503);
		this.clock.advance(Duration.ofMinutes(6));
		runs(10, 0);
		HttpResponse<String> agents = LoopbackHttp.get(this.port, "/actuator/health/agents");
		assertThat(agents.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(agents.body(), "$.status")).isEqualTo("UP");
	}

	private void runs(int successes, int failures) {
		for (int i = 0; i < successes + failures; i++) {
			this.observations.record(AgentOperation.agentRun("research-agent")
				.duration(Duration.ofMillis(200))
				.errorType((i < failures) ? "timeout" : null)
				.build());
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
		}

	}

}
