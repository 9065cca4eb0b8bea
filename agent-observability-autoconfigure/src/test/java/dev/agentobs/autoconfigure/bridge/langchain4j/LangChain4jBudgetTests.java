package dev.agentobs.autoconfigure.bridge.langchain4j;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.TokenStream;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.autoconfigure.AgentCostAutoConfiguration;
import dev.agentobs.autoconfigure.AgentMetricsAutoConfiguration;
import dev.agentobs.autoconfigure.AgentObservationAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.autoconfigure.LangChain4jBridgeAutoConfiguration;
import dev.agentobs.cost.AgentBudgetExceededException;
import dev.agentobs.internal.bridge.langchain4j.LangChain4jAiServiceObserver;
import dev.agentobs.internal.bridge.langchain4j.LangChain4jChatModelListener;
import dev.agentobs.internal.bridge.springai.OpenAiCompatibleServer;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentRun;
import dev.agentobs.operation.RecordingSink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for budgets of LangChain4j AI service runs: a tool that asks the service again and
 * again, as a runaway agent does, is stopped at {@code max-tokens} before the next request
 * reaches the (loopback) model server, with LangChain4j's real OpenAI client.
 */
class LangChain4jBudgetTests {

	private final RecordingSink sink = new RecordingSink();

	private OpenAiCompatibleServer server;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startServer() throws Exception {
		this.server = new OpenAiCompatibleServer();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
					BootAutoConfigurations.metrics(), AgentObservationAutoConfiguration.class,
					AgentMetricsAutoConfiguration.class, AgentCostAutoConfiguration.class,
					LangChain4jBridgeAutoConfiguration.class))
			.withPropertyValues("monitoring.logging.events=false",
					"monitoring.bridges.langchain4j.agent-name=weather-agent",
					// 75 tokens a call that asks for the tool: the third reaches 225
					"monitoring.budgets.agents.weather-agent.max-tokens=200")
			.withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
			.withBean(RecordingSink.class, () -> this.sink);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void toolThatKeepsAskingTheServiceIsStoppedAtMaxTokens() {
		this.contextRunner.run((context) -> {
			LoopingTools tools = new LoopingTools(5);
			WeatherAgent agent = agent(context, tools);
			assertThatException().isThrownBy(() -> agent.answer("What is the weather in Paris?"))
				.satisfies((ex) -> assertThat(budgetException(ex)).isNotNull()
					.hasMessageContaining("monitoring.budgets.agents.weather-agent.max-tokens"));
			// Three model calls reached the server; every later one was stopped before its request
			assertThat(this.server.requests()).hasSize(3);
			AgentRun run = (AgentRun) this.sink.of(AgentOperation.Kind.AGENT_RUN)
				.stream()
				.filter((operation) -> operation.scope().parentOperationId() == 0)
				.findFirst()
				.orElseThrow();
			assertThat(run.errorType()).isEqualTo(AgentBudgetExceededException.ERROR_TYPE);
			assertThat(run.usage().modelCalls()).isEqualTo(3);
			assertThat(scrape(context)).contains(
					"agent_budget_exceeded_total{gen_ai_agent_name=\"weather-agent\",limit=\"max-tokens\"} 1.0");
		});
	}

	@Test
	void reportModeLetsTheLoopFinishAndCountsTheStop() {
		this.contextRunner.withPropertyValues("monitoring.budgets.mode=report").run((context) -> {
			LoopingTools tools = new LoopingTools(5);
			assertThat(agent(context, tools).answer("What is the weather in Paris?")).isEqualTo("It is sunny in Paris.");
			// Five calls that ask for the tool, five answers to its results
			assertThat(this.server.requests()).hasSize(10);
			// Each invocation of the service is a weather-agent run, the tool's nested in the one that called
			// it, with a budget of its own: counted once each, the four whose tokens (their nested runs'
			// included) passed 200; the innermost spent one tool call and one answer
			assertThat(scrape(context)).contains(
					"agent_budget_exceeded_total{gen_ai_agent_name=\"weather-agent\",limit=\"max-tokens\"} 4.0");
		});
	}

	@Test
	void streamedCallOfARunOutOfModelCallsFailsItsStreamBeforeItsRequest() {
		this.contextRunner.withPropertyValues("monitoring.budgets.agents.weather-agent.max-model-calls=1")
			.run((context) -> {
				StreamingChatModel model = OpenAiStreamingChatModel.builder()
					.httpClientBuilder(JdkHttpClient.builder())
					.baseUrl(this.server.baseUrl())
					.apiKey("test-key")
					.modelName(OpenAiCompatibleServer.MODEL)
					.timeout(Duration.ofSeconds(10))
					.listeners(List.of(context.getBean(LangChain4jChatModelListener.class)))
					.build();
				StreamingWeatherAgent agent = context.getBean(LangChain4jAiServiceObserver.class)
					.observe(AiServices.builder(StreamingWeatherAgent.class))
					.streamingChatModel(model)
					.tools(new LoopingTools(1))
					.build();
				CompletableFuture<Throwable> failure = new CompletableFuture<>();
				agent.answer("What is the weather in Paris?")
					.onPartialResponse((text) -> {
					})
					.onCompleteResponse((response) -> failure.complete(null))
					.onError(failure::complete)
					.start();
				// The call that asked for the tool reached the server; the one after it was stopped
				assertThat(budgetException(failure.get(10, TimeUnit.SECONDS))).isNotNull()
					.hasMessageContaining("monitoring.budgets.agents.weather-agent.max-model-calls");
				assertThat(this.server.requests()).hasSize(1);
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(this.sink.of(AgentOperation.Kind.AGENT_RUN)).singleElement()
						.satisfies((run) -> assertThat(run.errorType())
							.isEqualTo(AgentBudgetExceededException.ERROR_TYPE)));
			});
	}

	private WeatherAgent agent(AssertableApplicationContext context, LoopingTools tools) {
		ChatModel model = OpenAiChatModel.builder()
			// Both of LangChain4j's HTTP clients are on this class path: name one
			.httpClientBuilder(JdkHttpClient.builder())
			.baseUrl(this.server.baseUrl())
			.apiKey("test-key")
			.modelName(OpenAiCompatibleServer.MODEL)
			.timeout(Duration.ofSeconds(10))
			.maxRetries(0)
			.listeners(List.of(context.getBean(LangChain4jChatModelListener.class)))
			.build();
		WeatherAgent agent = context.getBean(LangChain4jAiServiceObserver.class)
			.observe(AiServices.builder(WeatherAgent.class))
			.chatModel(model)
			.tools(tools)
			.build();
		tools.agent = agent;
		return agent;
	}

	private static AgentBudgetExceededException budgetException(Throwable thrown) {
		Throwable cause = thrown;
		while (cause != null && !(cause instanceof AgentBudgetExceededException)) {
			cause = cause.getCause();
		}
		return (AgentBudgetExceededException) cause;
	}

	private static String scrape(AssertableApplicationContext context) {
		return context.getBean(PrometheusMeterRegistry.class).scrape();
	}

	interface WeatherAgent {

		String answer(String question);

	}

	interface StreamingWeatherAgent {

		TokenStream answer(String question);

	}

	/**
	 * A tool that asks the service again, as a runaway agent does, up to a depth.
	 */
	static class LoopingTools {

		private final int maxDepth;

		private final AtomicInteger depth = new AtomicInteger();

		WeatherAgent agent;

		LoopingTools(int maxDepth) {
			this.maxDepth = maxDepth;
		}

		@Tool("The current weather in a city")
		String currentWeather(String city) {
			if (this.depth.incrementAndGet() >= this.maxDepth || this.agent == null) {
				return "sunny in " + city;
			}
			return this.agent.answer("What is the weather in " + city + "?");
		}

	}

}
