package dev.agentobs.boot3.langchain4j;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.langchain4j.service.AiServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.agentobs.internal.bridge.springai.OpenAiCompatibleServer;
import dev.agentobs.internal.support.LoopbackHttp;

import static dev.agentobs.internal.bridge.langchain4j.WeatherAnswerSamples.assertOneToolUsingAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot 3.5 service with only the Boot 3.5 starter and LangChain4j's Spring Boot
 * starters, over real HTTP against a loopback server that answers like OpenAI: each
 * {@code @AiService} bean's invocations are agent runs named after the bean, with a step per
 * request to the model, the {@code @Tool} as a tool call and the model's cost charged to it,
 * with no code of ours.
 */
// Spring Boot 3.5's tests switch metrics export off unless asked: this test reads the scrape
@AutoConfigureObservability
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class WeatherServiceApplicationTests {

	private static final OpenAiCompatibleServer openAi = OpenAiCompatibleServer.start();

	@LocalServerPort
	private int port;

	private LoopbackHttp http;

	@DynamicPropertySource
	static void openAi(DynamicPropertyRegistry registry) {
		registry.add("langchain4j.open-ai.chat-model.base-url", openAi::baseUrl);
		registry.add("langchain4j.open-ai.streaming-chat-model.base-url", openAi::baseUrl);
	}

	@AfterAll
	static void stopOpenAi() {
		openAi.close();
	}

	@BeforeEach
	void http() {
		this.http = new LoopbackHttp(this.port);
	}

	@Test
	void runsOnSpringBoot35WithTheLangChain4jOfItsStarters() {
		assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
		assertThat(AiServices.class.getProtectionDomain().getCodeSource().getLocation().getPath())
			.endsWith("/langchain4j-1.11.0.jar");
	}

	@Test
	void anAiServiceBeanIsAnAgentWithItsStepsToolCallCostAndHealth() throws Exception {
		assertThat(this.http.post("/api/ask", "What is the weather in Paris?")).isEqualTo("It is sunny in Paris.");

		// LangChain4j 1.11 reads the 32 cached tokens of OpenAI's usage from a blocking answer
		assertOneToolUsingAnswer(this.http.get("/actuator/prometheus"), "weatherAssistant", 32);
		String health = this.http.get("/actuator/health/agents");
		assertThat(JsonPath.<String>read(health, "$.status")).isEqualTo("UP");
		assertThat(JsonPath.<Map<String, Object>>read(health, "$.details.agents")).containsKey("weatherAssistant");
		assertThat(JsonPath.<Map<String, Object>>read(health, "$.details.tools")).containsKey("currentWeather");
		assertThat(JsonPath.<Map<String, Object>>read(health, "$.details.models")).containsKey("gpt-4o");
	}

	@Test
	void aStreamingAiServiceBeanIsAnAgentToo() throws Exception {
		assertThat(this.http.post("/api/ask/stream", "What is the weather in Paris?"))
			.isEqualTo("It is sunny in Paris.");

		String prometheus = this.http.get("/actuator/prometheus");
		assertOneToolUsingAnswer(prometheus, "streamingWeatherAssistant", 0);
		// Two streamed model calls, the tool call and the answer, each timed to its first chunk
		assertThat(prometheus).contains("gen_ai_client_operation_time_to_first_chunk_seconds_count{error_type=\"none\","
				+ "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 2");
		assertThat(JsonPath.<Map<String, Object>>read(this.http.get("/actuator/health/agents"), "$.details.agents"))
			.containsKey("streamingWeatherAssistant");
	}

}
