package dev.agentobs.boot3.langchain4j;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.langchain4j.service.AiServices;
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

import static dev.agentobs.internal.metrics.PrometheusSamples.lines;
import static dev.agentobs.internal.metrics.PrometheusSamples.sample;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot 3.5 service with only the Boot 3.5 starter and LangChain4j's Spring Boot
 * starters, over real HTTP against a loopback server that answers like OpenAI: each
 * {@code @AiService} bean's invocations are agent runs named after the bean, with a step per
 * model round trip, the {@code @Tool} as a tool call and the model's cost charged to it, with
 * no code of ours.
 */
// Spring Boot 3.5's tests switch metrics export off unless asked: this test reads the scrape
@AutoConfigureObservability
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class WeatherServiceApplicationTests {

	private static final OpenAiCompatibleServer openAi = start();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void openAi(DynamicPropertyRegistry registry) {
		registry.add("langchain4j.open-ai.chat-model.base-url", openAi::baseUrl);
		registry.add("langchain4j.open-ai.streaming-chat-model.base-url", openAi::baseUrl);
	}

	@AfterAll
	static void stopOpenAi() {
		openAi.close();
	}

	@Test
	void runsOnSpringBoot35WithLangChain4j111() {
		assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
		// The LangChain4j line LangChain4j's Spring Boot 3.5 starters bring
		assertThat(AiServices.class.getProtectionDomain().getCodeSource().getLocation().getPath())
			.endsWith("/langchain4j-1.11.0.jar");
	}

	@Test
	void anAiServiceBeanIsAnAgentWithItsStepsToolCallCostAndHealth() throws Exception {
		assertThat(post("/api/ask", "What is the weather in Paris?")).isEqualTo("It is sunny in Paris.");

		String scrape = get("/actuator/prometheus");
		assertThat(sample(scrape, "gen_ai_invoke_agent_duration_seconds_count", "gen_ai_agent_name=\"weatherAssistant\"",
				"error_type=\"none\"")).isEqualTo(1);
		// The model is asked twice: once it asks for the tool, once it answers from the tool's result
		assertThat(sample(scrape, "agent_step_duration_seconds_count", "gen_ai_agent_name=\"weatherAssistant\"",
				"error_type=\"none\"")).isEqualTo(2);
		assertThat(sample(scrape, "gen_ai_execute_tool_duration_seconds_count", "gen_ai_tool_name=\"currentWeather\"",
				"gen_ai_agent_name=\"weatherAssistant\"", "error_type=\"none\"")).isEqualTo(1);
		assertThat(sample(scrape, "gen_ai_client_operation_duration_seconds_count", "gen_ai_provider_name=\"openai\"",
				"gen_ai_request_model=\"gpt-4o\"", "error_type=\"none\"")).isGreaterThanOrEqualTo(2);
		// 60 + 80 input and 15 + 9 output tokens at $2.50 and $10.00 per million
		assertThat(sample(scrape, "gen_ai_client_cost_usd_total", "gen_ai_agent_name=\"weatherAssistant\"",
				"gen_ai_provider_name=\"openai\"", "gen_ai_request_model=\"gpt-4o\"")).isEqualTo(5.9E-4);
		assertThat(lines(scrape, "gen_ai_client_cost_usd_total", "gen_ai_agent_name=\"unknown\"")).isEmpty();

		String health = get("/actuator/health/agents");
		assertThat(JsonPath.<String>read(health, "$.status")).isEqualTo("UP");
		assertThat(JsonPath.<Map<String, Object>>read(health, "$.details.agents")).containsKey("weatherAssistant");
		assertThat(JsonPath.<Map<String, Object>>read(health, "$.details.tools")).containsKey("currentWeather");
		assertThat(JsonPath.<Map<String, Object>>read(health, "$.details.models")).containsKey("gpt-4o");
	}

	@Test
	void aStreamingAiServiceBeanIsAnAgentToo() throws Exception {
		assertThat(post("/api/ask/stream", "What is the weather in Paris?")).isEqualTo("It is sunny in Paris.");

		String scrape = get("/actuator/prometheus");
		assertThat(sample(scrape, "gen_ai_invoke_agent_duration_seconds_count",
				"gen_ai_agent_name=\"streamingWeatherAssistant\"", "error_type=\"none\"")).isEqualTo(1);
		assertThat(sample(scrape, "agent_step_duration_seconds_count", "gen_ai_agent_name=\"streamingWeatherAssistant\"",
				"error_type=\"none\"")).isEqualTo(2);
		assertThat(sample(scrape, "gen_ai_execute_tool_duration_seconds_count", "gen_ai_tool_name=\"currentWeather\"",
				"gen_ai_agent_name=\"streamingWeatherAssistant\"", "error_type=\"none\"")).isEqualTo(1);
		assertThat(sample(scrape, "gen_ai_client_cost_usd_total", "gen_ai_agent_name=\"streamingWeatherAssistant\"",
				"gen_ai_provider_name=\"openai\"", "gen_ai_request_model=\"gpt-4o\"")).isEqualTo(5.9E-4);

		String health = get("/actuator/health/agents");
		assertThat(JsonPath.<Map<String, Object>>read(health, "$.details.agents"))
			.containsKey("streamingWeatherAssistant");
	}

	private String post(String path, String body) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(uri(path))
					.header("Content-Type", "text/plain")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
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
