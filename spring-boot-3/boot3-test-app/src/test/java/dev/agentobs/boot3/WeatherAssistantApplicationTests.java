package dev.agentobs.boot3;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.agentobs.internal.bridge.springai.OpenAiCompatibleServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A Spring Boot 3.5 service with only the Boot 3.5 starter, Spring AI 1.1's ChatClient and one
 * tool, over real HTTP against a loopback server that answers like OpenAI: the same families
 * and health as its Spring Boot 4 twin, with no code of ours. The end-to-end run
 * ({@code e2e/run.sh}) starts the same application from its jar against a real Prometheus.
 */
// Spring Boot 3.5's tests switch metrics export off unless asked: this test reads the scrape
@AutoConfigureObservability
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "spring.ai.openai.max-retries=0" })
class WeatherAssistantApplicationTests {

	private static final OpenAiCompatibleServer openAi = start();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void openAi(DynamicPropertyRegistry registry) {
		registry.add("spring.ai.openai.base-url", () -> openAi.baseUrl().replaceFirst("/v1$", ""));
	}

	@AfterAll
	static void stopOpenAi() {
		openAi.close();
	}

	@Test
	void runsOnSpringBoot35() {
		assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
	}

	@Test
	void aToolUsingAnswerShowsItsRunModelCallsTokensToolCostAndHealth() throws Exception {
		HttpResponse<String> answer = this.http.send(
				HttpRequest.newBuilder(uri("/api/ask"))
					.header("Content-Type", "text/plain")
					.POST(HttpRequest.BodyPublishers.ofString("What is the weather in Paris?"))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("It is sunny in Paris.");

		String scrape = get("/actuator/prometheus");
		assertThat(sample(scrape, "gen_ai_invoke_agent_duration_seconds_count", "gen_ai_agent_name=\"weather-assistant\"",
				"error_type=\"none\"")).isEqualTo(1);
		// The model is asked twice: once it asks for the tool, once it answers from the tool's result
		assertThat(sample(scrape, "gen_ai_client_operation_duration_seconds_count", "gen_ai_provider_name=\"openai\"",
				"gen_ai_request_model=\"gpt-4o\"", "error_type=\"none\"")).isEqualTo(2);
		// What the server reported for the two calls: 60 + 80 input and 15 + 9 output tokens
		assertThat(sample(scrape, "gen_ai_client_token_usage_tokens_sum", "gen_ai_request_model=\"gpt-4o\"",
				"gen_ai_token_type=\"input\"")).isEqualTo(140);
		assertThat(sample(scrape, "gen_ai_client_token_usage_tokens_sum", "gen_ai_request_model=\"gpt-4o\"",
				"gen_ai_token_type=\"output\"")).isEqualTo(24);
		// Spring AI 1.1 maps neither: both come from OpenAI's own usage of the call that asks for the tool
		assertThat(sample(scrape, "agent_token_usage_detail_tokens_total", "gen_ai_request_model=\"gpt-4o\"",
				"gen_ai_token_type=\"cache_read\"")).isEqualTo(32);
		assertThat(sample(scrape, "agent_token_usage_detail_tokens_total", "gen_ai_request_model=\"gpt-4o\"",
				"gen_ai_token_type=\"reasoning\"")).isEqualTo(5);
		assertThat(sample(scrape, "gen_ai_execute_tool_duration_seconds_count", "gen_ai_tool_name=\"currentWeather\"",
				"gen_ai_agent_name=\"weather-assistant\"")).isEqualTo(1);
		// (140 - 32) x 2.50 + 32 cached x 1.25 + 24 x 10.00 (the 5 reasoning tokens among them) per million
		// tokens, summed over the two calls
		assertThat(sample(scrape, "gen_ai_client_cost_usd_total", "gen_ai_request_model=\"gpt-4o\""))
			.isCloseTo(5.5E-4, within(1e-12));
		// Spring AI keeps its own timers beside ours, as on Spring Boot 4 (docs/bridges.md)
		assertThat(scrape).contains("gen_ai_client_operation_seconds_count{");

		String health = get("/actuator/health/agents");
		assertThat(JsonPath.<String>read(health, "$.status")).isEqualTo("UP");
		assertThat(JsonPath.<Integer>read(health, "$.details.requests")).isEqualTo(1);
		assertThat(JsonPath.<Map<String, Object>>read(health, "$.details.agents")).containsKey("weather-assistant");
		assertThat(JsonPath.<Map<String, Object>>read(health, "$.details.models")).containsKey("gpt-4o");
		assertThat(JsonPath.<Map<String, Object>>read(health, "$.details.tools")).containsKey("currentWeather");
		assertThat(JsonPath.<Double>read(health, "$.details.costToday")).isPositive();
	}

	/**
	 * The value of the one sample of a family whose labels include all of those given.
	 */
	private static double sample(String scrape, String family, String... labels) {
		List<String> lines = scrape.lines()
			.filter((line) -> line.startsWith(family + "{"))
			.filter((line) -> Arrays.stream(labels).allMatch(line::contains))
			.toList();
		assertThat(lines).as("samples of %s with %s", family, List.of(labels)).hasSize(1);
		String line = lines.get(0);
		return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri(path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static OpenAiCompatibleServer start() {
		try {
			return new OpenAiCompatibleServer();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
