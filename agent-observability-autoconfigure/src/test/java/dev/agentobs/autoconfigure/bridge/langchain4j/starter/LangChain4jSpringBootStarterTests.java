package dev.agentobs.autoconfigure.bridge.langchain4j.starter;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.agentobs.internal.bridge.langchain4j.LangChain4jChatModelListener;
import dev.agentobs.internal.bridge.springai.OpenAiCompatibleServer;
import dev.agentobs.internal.metrics.PrometheusSamples;
import dev.agentobs.internal.support.LoopbackHttp;

import static dev.agentobs.internal.bridge.langchain4j.WeatherAnswerSamples.assertOneToolUsingAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LangChain4j's Spring Boot starters on Spring Boot 4, as far as they run there: a service with
 * a blocking and a streaming {@code @AiService} and a {@code @Tool} bean, on OpenAI models the
 * starter makes with LangChain4j's JDK HTTP client, over real HTTP against a loopback server
 * that answers like OpenAI, is observed with no code of ours.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "management.endpoints.web.exposure.include=health,prometheus",
				"management.endpoint.health.show-details=always",
				// Spring AI's OpenAI client is on the test class path for the bridge tests: its chat
				// model would take the name of LangChain4j's
				"spring.ai.openai.api-key=unused", "spring.ai.model.chat=none",
				"langchain4j.open-ai.chat-model.api-key=test-key",
				"langchain4j.open-ai.chat-model.model-name=gpt-4o", "langchain4j.open-ai.chat-model.max-retries=0",
				"langchain4j.open-ai.streaming-chat-model.api-key=test-key",
				"langchain4j.open-ai.streaming-chat-model.model-name=gpt-4o",
				"monitoring.cost.models.gpt-4o.input=2.50", "monitoring.cost.models.gpt-4o.output=10.00" })
class LangChain4jSpringBootStarterTests {

	private static final OpenAiCompatibleServer openAi = OpenAiCompatibleServer.start();

	private static final String MODEL_LABELS = "{error_type=\"none\",gen_ai_operation_name=\"chat\","
			+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"}";

	@LocalServerPort
	private int port;

	@Autowired
	private WeatherAssistant assistant;

	@Autowired
	private StreamingWeatherAssistant streamingAssistant;

	@Autowired
	private StreamingChatModel streamingModel;

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
	void aiServiceBeanIsAnAgentWithItsStepsToolCallCostAndHealth() throws Exception {
		assertThat(SpringBootVersion.getVersion()).startsWith("4.");
		assertThat(this.assistant.chat("What is the weather in Paris?")).isEqualTo("It is sunny in Paris.");

		assertOneToolUsingAnswer(this.http.get("/actuator/prometheus"), "weatherAssistant", 0);
		String health = this.http.get("/actuator/health/agents");
		assertThat(JsonPath.<Map<String, Object>>read(health, "$.details.agents")).containsKey("weatherAssistant");
		assertThat(JsonPath.<Map<String, Object>>read(health, "$.details.tools")).containsKey("currentWeather");
	}

	@Test
	void streamingAiServiceBeanIsAnAgentWithItsToolCallAndTimeToFirstChunk() throws Exception {
		CompletableFuture<String> answer = new CompletableFuture<>();
		StringBuilder text = new StringBuilder();
		long start = System.nanoTime();
		this.streamingAssistant.chat("What is the weather in Paris?")
			.onPartialResponse(text::append)
			.onCompleteResponse((response) -> answer.complete(text.toString()))
			.onError(answer::completeExceptionally)
			.start();
		assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("It is sunny in Paris.");
		double streamSeconds = (System.nanoTime() - start) / 1e9;

		String prometheus = this.http.get("/actuator/prometheus");
		assertOneToolUsingAnswer(prometheus, "streamingWeatherAssistant", 0);
		// Two streamed model calls: the tool call, then the answer, each with its first chunk
		assertThat(prometheus).contains("gen_ai_client_operation_time_to_first_chunk_seconds_count" + MODEL_LABELS + " 2");
		assertThat(PrometheusSamples.sample(prometheus, "gen_ai_client_operation_time_to_first_chunk_seconds_sum",
				MODEL_LABELS))
			.isPositive()
			.isLessThan(streamSeconds);
		assertThat(prometheus).contains("gen_ai_client_operation_time_per_output_chunk_seconds_count" + MODEL_LABELS);

		// The starter's streaming model used directly, timed with one line
		StreamingChatModel model = LangChain4jChatModelListener.timingChunks(this.streamingModel);
		CompletableFuture<String> direct = new CompletableFuture<>();
		model.chat("What is the capital of France?", new StreamingChatResponseHandler() {

			@Override
			public void onCompleteResponse(ChatResponse response) {
				direct.complete(response.aiMessage().text());
			}

			@Override
			public void onError(Throwable error) {
				direct.completeExceptionally(error);
			}

		});
		assertThat(direct.get(10, TimeUnit.SECONDS)).isEqualTo("Paris");
		assertThat(this.http.get("/actuator/prometheus"))
			.contains("gen_ai_client_operation_time_to_first_chunk_seconds_count" + MODEL_LABELS + " 3");
	}

	/**
	 * The service as its users write it on Spring Boot 4. LangChain4j's starter builds its
	 * OpenAI models with an HTTP client on Spring's RestClient that needs Spring Boot 3.5's
	 * classes; beans of these names give the models LangChain4j's JDK HTTP client instead.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(WeatherTools.class)
	static class WeatherService {

		@Bean
		HttpClientBuilder openAiChatModelHttpClientBuilder() {
			return JdkHttpClient.builder();
		}

		@Bean
		HttpClientBuilder openAiStreamingChatModelHttpClientBuilder() {
			return JdkHttpClient.builder();
		}

	}

}
