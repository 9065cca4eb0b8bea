package dev.agentobs.autoconfigure.bridge.springai;

import java.time.Duration;
import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.chat.observation.autoconfigure.ChatObservationAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.AgentObservationAutoConfiguration;
import dev.agentobs.autoconfigure.AgentRunsAutoConfiguration;
import dev.agentobs.autoconfigure.AgentTracingAutoConfiguration;
import dev.agentobs.autoconfigure.SpanTrees;
import dev.agentobs.autoconfigure.SpringAiBridgeAutoConfiguration;
import dev.agentobs.internal.bridge.springai.OpenAiCompatibleServer;
import dev.agentobs.internal.bridge.springai.SpringAiChatClientHandler;
import dev.agentobs.internal.runs.RecentRuns;
import dev.agentobs.internal.runs.RecordedRun;
import dev.agentobs.internal.runs.RunTrees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The recent runs of Spring AI: a real {@link ChatClient} and Spring AI's real OpenAI client
 * talking to a loopback server that answers like OpenAI, traced by the OpenTelemetry SDK, so
 * that each run's tree is compared with Spring AI's own spans of the same run.
 */
class SpringAiRunTreeTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private OpenAiCompatibleServer server;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startServer() throws Exception {
		this.server = new OpenAiCompatibleServer();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
					MicrometerTracingAutoConfiguration.class, ChatObservationAutoConfiguration.class,
					ToolCallingAutoConfiguration.class, OpenAiChatAutoConfiguration.class,
					ChatClientAutoConfiguration.class, AgentObservationAutoConfiguration.class,
					AgentTracingAutoConfiguration.class, AgentRunsAutoConfiguration.class,
					SpringAiBridgeAutoConfiguration.class))
			.withPropertyValues("spring.application.name=support-service", "management.tracing.sampling.probability=1.0",
					"monitoring.logging.events=false", "spring.ai.openai.base-url=" + this.server.baseUrl(),
					"spring.ai.openai.api-key=test-key", "spring.ai.openai.max-retries=0",
					"spring.ai.openai.chat.options.model=" + OpenAiCompatibleServer.MODEL)
			.withBean(SpanProcessor.class, () -> SimpleSpanProcessor.create(this.exporter));
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void chatClientRunWithASubAgentInItsToolIsKeptAsATreeThatNestsAsItsSpans() {
		this.contextRunner.run((context) -> {
			ChatClient chatClient = context.getBean(ChatClient.Builder.class).build();
			String answer = chatClient.prompt("What is the weather in Paris?")
				.advisors((advisors) -> advisors.param(SpringAiChatClientHandler.AGENT_NAME_PARAM, "research-agent"))
				.tools(new FactCheckedWeather(chatClient))
				.call()
				.content();
			assertThat(answer).isEqualTo("It is sunny in Paris.");
			RecordedRun run = context.getBean(RecentRuns.class).runs().get(0);
			assertThat(RunTrees.outline(run.root())).isEqualTo("""
					invoke_agent research-agent
					  chat gpt-4o
					  execute_tool currentWeather
					    invoke_agent fact-checker
					      chat gpt-4o
					  chat gpt-4o
					""");
			// Spring AI's span of a ChatClient call does not name the agent
			List<SpanData> spans = this.exporter.getFinishedSpanItems();
			SpanData root = spans.stream()
				.filter((span) -> !span.getParentSpanContext().isValid())
				.findFirst()
				.orElseThrow();
			assertThat(SpanTrees.outline(spans, root, SpringAiRunTreeTests::springAiSpanName))
				.isEqualTo(RunTrees.outline(run.root()).replaceAll("invoke_agent .*", "invoke_agent"));
			assertThat(run.traceId()).isEqualTo(root.getTraceId());
			assertThat(run.totals().operations()).isEqualTo(5);
			assertThat(run.totals().inputTokens()).isEqualTo(60 + 12 + 80);
			assertThat(context.getBean(RecentRuns.class).runs()).hasSize(1);
		});
	}

	@Test
	void chatClientCallInsideAnObservedStepNestsInTheStep() {
		this.contextRunner.run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			ChatClient chatClient = context.getBean(ChatClient.Builder.class).build();
			observations.agent("research-agent")
				.observe(() -> observations.step(1)
					.observe(() -> chatClient.prompt("What is the weather in Paris?")
						.tools(new FactCheckedWeather(chatClient))
						.call()
						.content()));
			RecordedRun run = context.getBean(RecentRuns.class).runs().get(0);
			assertThat(RunTrees.outline(run.root())).isEqualTo("""
					invoke_agent research-agent
					  step 1 research-agent
					    chat gpt-4o
					    execute_tool currentWeather
					      invoke_agent fact-checker
					        chat gpt-4o
					    chat gpt-4o
					""");
			List<SpanData> spans = this.exporter.getFinishedSpanItems();
			SpanData root = spans.stream()
				.filter((span) -> span.getName().equals("invoke_agent research-agent"))
				.findFirst()
				.orElseThrow();
			SpanData step = spans.stream()
				.filter((span) -> span.getName().equals("step 1 research-agent"))
				.findFirst()
				.orElseThrow();
			// The ChatClient call made in the step without an agent's name is part of the run, not a run
			assertThat(SpanTrees.outline(spans, root,
					(span) -> span.getParentSpanId().equals(step.getSpanId()) ? null : springAiSpanName(span)))
				.isEqualTo(RunTrees.outline(run.root()).replace("invoke_agent fact-checker", "invoke_agent"));
		});
	}

	@Test
	void streamedRunKeepsItsModelCall() {
		this.contextRunner.run((context) -> {
			List<String> chunks = context.getBean(ChatClient.Builder.class)
				.build()
				.prompt("What is the capital of France?")
				.stream()
				.content()
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(String.join("", chunks)).isEqualTo("Paris");
			RecentRuns runs = context.getBean(RecentRuns.class);
			// Spring AI stops its observations just after the subscriber saw completion
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(runs.runs()).singleElement()
					.satisfies((run) -> assertThat(RunTrees.outline(run.root())).isEqualTo("""
							invoke_agent support-service
							  chat gpt-4o
							""")));
			assertThat(runs.runs().get(0).totals().inputTokens()).isEqualTo(20);
		});
	}

	// The spans of agent operations among Spring AI's: its ChatClient calls are the runs
	private static @Nullable String springAiSpanName(SpanData span) {
		String name = span.getName();
		if ("chat_client".equals(span.getAttributes().get(AttributeKey.stringKey("spring.ai.kind")))) {
			return "invoke_agent";
		}
		return (name.startsWith("invoke_agent ") || name.startsWith("step ") || name.startsWith("chat ")
				|| name.startsWith("execute_tool ")) ? name : null;
	}

	static class FactCheckedWeather {

		private final ChatClient chatClient;

		FactCheckedWeather(ChatClient chatClient) {
			this.chatClient = chatClient;
		}

		@Tool(description = "The current weather in a city")
		String currentWeather(String city) {
			String capital = this.chatClient.prompt("What is the capital of France?")
				.advisors((advisors) -> advisors.param(SpringAiChatClientHandler.AGENT_NAME_PARAM, "fact-checker"))
				.call()
				.content();
			return "sunny in " + capital;
		}

	}

}
