package dev.agentobs.autoconfigure.bridge.langchain4j.starter;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.openai.spring.AutoConfig;
import dev.langchain4j.spring.LangChain4jAutoConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.agentobs.autoconfigure.AgentCostAutoConfiguration;
import dev.agentobs.autoconfigure.AgentHealthAutoConfiguration;
import dev.agentobs.autoconfigure.AgentMetricsAutoConfiguration;
import dev.agentobs.autoconfigure.AgentObservationAutoConfiguration;
import dev.agentobs.autoconfigure.AgentStatisticsAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.autoconfigure.LangChain4jBridgeAutoConfiguration;
import dev.agentobs.autoconfigure.health.AgentsHealthIndicator;
import dev.agentobs.internal.bridge.springai.OpenAiCompatibleServer;

import static dev.agentobs.internal.bridge.langchain4j.WeatherAnswerSamples.assertOneToolUsingAnswer;
import static dev.agentobs.internal.metrics.PrometheusSamples.sample;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LangChain4j's Spring Boot starter on Spring Boot 4, as far as it runs there: its
 * {@code @AiService} beans, on OpenAI models it makes with LangChain4j's JDK HTTP client,
 * against a loopback server that answers like OpenAI, are observed with no code of ours.
 */
class LangChain4jSpringBootStarterTests {

	private OpenAiCompatibleServer openAi;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startOpenAi() throws Exception {
		this.openAi = new OpenAiCompatibleServer();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(), BootAutoConfigurations.metrics(),
					AgentObservationAutoConfiguration.class, AgentMetricsAutoConfiguration.class,
					AgentStatisticsAutoConfiguration.class, AgentCostAutoConfiguration.class,
					AgentHealthAutoConfiguration.class, LangChain4jBridgeAutoConfiguration.class,
					LangChain4jAutoConfig.class, AutoConfig.class))
			.withUserConfiguration(WeatherServiceConfiguration.class)
			.withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
			.withPropertyValues("langchain4j.open-ai.chat-model.api-key=test-key",
					"langchain4j.open-ai.chat-model.model-name=gpt-4o",
					"langchain4j.open-ai.chat-model.base-url=" + this.openAi.baseUrl(),
					"langchain4j.open-ai.chat-model.max-retries=0",
					"langchain4j.open-ai.streaming-chat-model.api-key=test-key",
					"langchain4j.open-ai.streaming-chat-model.model-name=gpt-4o",
					"langchain4j.open-ai.streaming-chat-model.base-url=" + this.openAi.baseUrl(),
					"monitoring.cost.models.gpt-4o.input=2.50", "monitoring.cost.models.gpt-4o.output=10.00");
	}

	@AfterEach
	void stopOpenAi() {
		this.openAi.close();
	}

	@Test
	void aiServiceBeanIsAnAgentWithItsStepsToolCallCostAndHealth() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(WeatherAssistant.class).chat("What is the weather in Paris?"))
				.isEqualTo("It is sunny in Paris.");

			String scrape = scrape(context);
			assertOneToolUsingAnswer(scrape, "weatherAssistant");
			assertThat(sample(scrape, "gen_ai_client_operation_duration_seconds_count", "gen_ai_provider_name=\"openai\"",
					"gen_ai_request_model=\"gpt-4o\"", "error_type=\"none\"")).isEqualTo(2);

			Map<String, Object> details = context.getBean(AgentsHealthIndicator.class).health().getDetails();
			assertThat((Map<String, Object>) details.get("agents")).containsKey("weatherAssistant");
			assertThat((Map<String, Object>) details.get("tools")).containsKey("currentWeather");
		});
	}

	@Test
	void streamingAiServiceBeanIsAnAgentWithItsToolCall() {
		this.contextRunner.run((context) -> {
			CompletableFuture<String> answer = new CompletableFuture<>();
			StringBuilder text = new StringBuilder();
			context.getBean(StreamingWeatherAssistant.class)
				.chat("What is the weather in Paris?")
				.onPartialResponse(text::append)
				.onCompleteResponse((response) -> answer.complete(text.toString()))
				.onError(answer::completeExceptionally)
				.start();
			assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("It is sunny in Paris.");

			assertOneToolUsingAnswer(scrape(context), "streamingWeatherAssistant");
		});
	}

	@Test
	void agentNamePropertyNamesEveryAiServicesRuns() {
		this.contextRunner.withPropertyValues("monitoring.bridges.langchain4j.agent-name=weather-agent").run((context) -> {
			context.getBean(WeatherAssistant.class).chat("What is the weather in Paris?");
			assertOneToolUsingAnswer(scrape(context), "weather-agent");
		});
	}

	private static String scrape(AssertableApplicationContext context) {
		return context.getBean(PrometheusMeterRegistry.class).scrape();
	}

	/**
	 * The service as its users configure it on Spring Boot 4. LangChain4j's starter builds its
	 * OpenAI models with an HTTP client on Spring's RestClient that needs Spring Boot 3.5's
	 * classes; beans of these names give the models LangChain4j's JDK HTTP client instead.
	 */
	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	@Import(WeatherTools.class)
	static class WeatherServiceConfiguration {

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
