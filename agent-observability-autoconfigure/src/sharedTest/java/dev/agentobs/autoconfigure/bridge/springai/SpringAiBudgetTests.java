package dev.agentobs.autoconfigure.bridge.springai;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.agentobs.autoconfigure.AgentCostAutoConfiguration;
import dev.agentobs.autoconfigure.AgentEndpointAutoConfiguration;
import dev.agentobs.autoconfigure.AgentHealthAutoConfiguration;
import dev.agentobs.autoconfigure.AgentMetricsAutoConfiguration;
import dev.agentobs.autoconfigure.AgentStatisticsAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.autoconfigure.endpoint.AgentsEndpoint;
import dev.agentobs.autoconfigure.health.AgentsHealthIndicator;
import dev.agentobs.cost.AgentBudgetExceededException;
import dev.agentobs.internal.bridge.springai.OpenAiCompatibleServer;
import dev.agentobs.internal.bridge.springai.SpringAiChatClientHandler;
import dev.agentobs.internal.report.BudgetsDescriptor;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentRun;
import dev.agentobs.operation.RecordingSink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for budgets of Spring AI {@code ChatClient} runs: a {@code @Tool} that asks the model
 * again and again is stopped at {@code max-tokens} before the next request reaches the
 * (loopback) model server.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringAiBudgetTests {

	private final RecordingSink sink = new RecordingSink();

	private OpenAiCompatibleServer server;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startServer() throws Exception {
		this.server = new OpenAiCompatibleServer();
		this.contextRunner = LoopbackOpenAi.chatModel(this.server)
			.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.metrics(), ChatClientAutoConfiguration.class,
					AgentMetricsAutoConfiguration.class, AgentCostAutoConfiguration.class))
			.withPropertyValues("spring.application.name=support-service",
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
	void toolThatKeepsAskingTheModelIsStoppedAtMaxTokens(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			LoopingTools tools = new LoopingTools(chatClient(context), 5);
			assertThatException().isThrownBy(() -> ask(context, tools)).satisfies((ex) -> {
				Throwable budget = ex;
				while (budget != null && !(budget instanceof AgentBudgetExceededException)) {
					budget = budget.getCause();
				}
				assertThat(budget).isInstanceOf(AgentBudgetExceededException.class)
					.hasMessageContaining("monitoring.budgets.agents.weather-agent.max-tokens");
			});
			// Three model calls reached the server; the fourth was stopped before its request
			assertThat(this.server.requests()).hasSize(3);
			AgentRun run = (AgentRun) this.sink.of(AgentOperation.Kind.AGENT_RUN)
				.stream()
				.filter((operation) -> operation.agentName().equals("weather-agent"))
				.findFirst()
				.orElseThrow();
			assertThat(run.errorType()).isEqualTo("budget_exceeded");
			assertThat(run.usage().modelCalls()).isEqualTo(3);
			assertThat(run.usage().tokens().input() + run.usage().tokens().output()).isEqualTo(225);
			assertThat(scrape(context)).contains(
					"agent_budget_exceeded_total{gen_ai_agent_name=\"weather-agent\",limit=\"max-tokens\"} 1.0");
			assertThat(output).containsOnlyOnce("stopped by its budget");
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void stopIsShownOnTheAgentsEndpointAndInTheHealthDetails() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(AgentStatisticsAutoConfiguration.class,
					AgentHealthAutoConfiguration.class, AgentEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=agents")
			.run((context) -> {
				LoopingTools tools = new LoopingTools(chatClient(context), 5);
				assertThatException().isThrownBy(() -> ask(context, tools));
				BudgetsDescriptor budgets = context.getBean(AgentsEndpoint.class).agents().budgets();
				assertThat(budgets).isNotNull();
				assertThat(budgets.mode()).isEqualTo("enforce");
				assertThat(budgets.agents().get("weather-agent").limits()).containsEntry("max-tokens", 200L);
				assertThat(budgets.agents().get("weather-agent").stops()).containsEntry("max-tokens", 1L);
				assertThat(budgets.lastStop().agent()).isEqualTo("weather-agent");
				assertThat(budgets.lastStop().stopped()).isTrue();
				Map<String, Object> details = context.getBean(AgentsHealthIndicator.class).health().getDetails();
				assertThat(details.get("budgets")).isEqualTo(budgets);
			});
	}

	@Test
	void reportModeLetsTheToolLoopFinishAndCountsTheStop() {
		this.contextRunner.withPropertyValues("monitoring.budgets.mode=report").run((context) -> {
			LoopingTools tools = new LoopingTools(chatClient(context), 5);
			assertThat(ask(context, tools)).isEqualTo("It is sunny in Paris.");
			// Five calls that ask for the tool, five answers to its results
			assertThat(this.server.requests()).hasSize(10);
			assertThat(this.sink.of(AgentOperation.Kind.AGENT_RUN)).noneMatch(AgentOperation::failed);
			assertThat(scrape(context)).contains(
					"agent_budget_exceeded_total{gen_ai_agent_name=\"weather-agent\",limit=\"max-tokens\"} 1.0");
		});
	}

	private static String ask(AssertableApplicationContext context, LoopingTools tools) {
		return chatClient(context).prompt("What is the weather in Paris?")
			.advisors((advisors) -> advisors.param(SpringAiChatClientHandler.AGENT_NAME_PARAM, "weather-agent"))
			.tools(tools)
			.call()
			.content();
	}

	private static ChatClient chatClient(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	private static String scrape(AssertableApplicationContext context) {
		return context.getBean(PrometheusMeterRegistry.class).scrape();
	}

	/**
	 * A tool that asks the model again, as a runaway agent does, up to a depth.
	 */
	static class LoopingTools {

		private final ChatClient chatClient;

		private final int maxDepth;

		private final AtomicInteger depth = new AtomicInteger();

		LoopingTools(ChatClient chatClient, int maxDepth) {
			this.chatClient = chatClient;
			this.maxDepth = maxDepth;
		}

		@Tool(description = "The current weather in a city")
		String currentWeather(String city) {
			if (this.depth.incrementAndGet() >= this.maxDepth) {
				return "sunny in " + city;
			}
			return this.chatClient.prompt("What is the weather in " + city + "?").tools(this).call().content();
		}

	}

}
