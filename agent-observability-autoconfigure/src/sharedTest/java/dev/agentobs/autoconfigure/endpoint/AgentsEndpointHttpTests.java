package dev.agentobs.autoconfigure.endpoint;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

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
import dev.agentobs.stats.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/agents} over real HTTP: JSON by default, Markdown on request, one agent
 * by name.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,agents",
				"management.endpoint.health.show-details=always", "monitoring.logging.events=false",
				"monitoring.cost.models.gpt-4o.input=2.50", "monitoring.cost.models.gpt-4o.output=10.00",
				// Spring AI's OpenAI and Anthropic clients are on the test class path for the bridge tests
				"spring.ai.openai.api-key=unused", "spring.ai.anthropic.api-key=unused" })
class AgentsEndpointHttpTests {

	@LocalServerPort
	private int port;

	@Autowired
	private AgentObservations observations;

	@Autowired
	private MutableClock clock;

	@BeforeEach
	void recordSomeWork() {
		this.clock.advance(Duration.ofMinutes(6));
		this.observations.agent("research-agent").observe(() -> {
			this.observations.model("openai", "gpt-4o").observe((call) -> call.tokens(1_000_000, 100_000));
			return this.observations.tool("web_search").observe(() -> "results");
		});
	}

	@Test
	void statisticsAreJsonByDefault() throws Exception {
		HttpResponse<String> response = LoopbackHttp.get(this.port, "/actuator/agents");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).contains("json"));
		String body = response.body();
		assertThat(JsonPath.<String>read(body, "$.window")).isEqualTo("PT5M");
		assertThat(JsonPath.<Integer>read(body, "$.overall.window.requests")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(body, "$.agents.research-agent.window.requests")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(body, "$.agents.research-agent.window.inputTokens")).isEqualTo(1_000_000);
		assertThat(JsonPath.<Integer>read(body, "$.models.gpt-4o.window.requests")).isEqualTo(1);
		assertThat(JsonPath.<Double>read(body, "$.models.gpt-4o.today.cost")).isPositive();
		assertThat(JsonPath.<Integer>read(body, "$.tools.web_search.window.requests")).isEqualTo(1);
		// Started at 10:00 on the test's clock: today's figures count from then, not from midnight
		assertThat(JsonPath.<Map<String, Object>>read(body, "$.today")).containsEntry("zone", "UTC")
			.containsEntry("since", "2026-03-02T10:00:00Z")
			.containsKey("cost");
		assertThat(JsonPath.<Integer>read(body, "$.agents.research-agent.total.requests")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void markdownReportOnRequest() throws Exception {
		HttpResponse<String> response = LoopbackHttp.get(this.port, "/actuator/agents", "text/markdown");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/markdown"));
		assertThat(response.body()).startsWith("# Agents report")
			.contains("| Agent | Requests | Success | Avg | p95 | Active runs |")
			.contains("Counted by this instance since 2026-03-02T10:00:00Z.")
			.contains("| Model | Calls | Input tokens | Output tokens | p95 first chunk | Cost | Price |")
			.contains("| Tool | Calls | Success | Avg |")
			.containsPattern("\\| research-agent \\| 1 \\| 100\\.0% \\|");
	}

	@Test
	void oneAgentByName() throws Exception {
		HttpResponse<String> response = LoopbackHttp.get(this.port, "/actuator/agents/research-agent");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(response.body(), "$.name")).isEqualTo("research-agent");
		assertThat(JsonPath.<Integer>read(response.body(), "$.window.requests")).isEqualTo(1);
		HttpResponse<String> markdown = LoopbackHttp.get(this.port, "/actuator/agents/research-agent", "text/markdown");
		assertThat(markdown.statusCode()).isEqualTo(200);
		assertThat(markdown.body()).startsWith("# Agent research-agent");
	}

	@Test
	void unknownAgentIsNotFound() throws Exception {
		assertThat(LoopbackHttp.get(this.port, "/actuator/agents/no-such-agent").statusCode()).isEqualTo(404);
		assertThat(LoopbackHttp.get(this.port, "/actuator/agents/no-such-agent",
				"text/markdown").statusCode()).isEqualTo(404);
	}

	@Test
	void healthDetailsShowTheCostOfTheDay() throws Exception {
		HttpResponse<String> response = LoopbackHttp.get(this.port, "/actuator/health/agents");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("UP");
		assertThat(JsonPath.<Double>read(response.body(), "$.details.costToday")).isPositive();
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
