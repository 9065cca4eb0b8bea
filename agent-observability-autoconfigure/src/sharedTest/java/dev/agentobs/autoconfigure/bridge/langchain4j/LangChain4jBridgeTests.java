package dev.agentobs.autoconfigure.bridge.langchain4j;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.AgentCostAutoConfiguration;
import dev.agentobs.autoconfigure.AgentHealthAutoConfiguration;
import dev.agentobs.autoconfigure.AgentMetricsAutoConfiguration;
import dev.agentobs.autoconfigure.AgentObservationAutoConfiguration;
import dev.agentobs.autoconfigure.AgentStatisticsAutoConfiguration;
import dev.agentobs.autoconfigure.AgentTracingAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.autoconfigure.LangChain4jBridgeAutoConfiguration;
import dev.agentobs.autoconfigure.health.AgentsHealthIndicator;
import dev.agentobs.internal.bridge.langchain4j.LangChain4jAiServiceObserver;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentStep;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.RecordingSink;
import dev.agentobs.operation.ToolCall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the LangChain4j bridge with real AI services over a chat model implemented here,
 * scraped from a real Prometheus registry and traced by the OpenTelemetry SDK.
 */
@ExtendWith(OutputCaptureExtension.class)
class LangChain4jBridgeTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final RecordingSink sink = new RecordingSink();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(), BootAutoConfigurations.metrics(),
				BootAutoConfigurations.openTelemetrySdk(), BootAutoConfigurations.openTelemetryTracing(),
				BootAutoConfigurations.micrometerTracing(), AgentObservationAutoConfiguration.class,
				AgentMetricsAutoConfiguration.class, AgentStatisticsAutoConfiguration.class, AgentTracingAutoConfiguration.class,
				LangChain4jBridgeAutoConfiguration.class))
		.withPropertyValues("management.tracing.sampling.probability=1.0")
		.withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
		.withBean(SpanProcessor.class, () -> SimpleSpanProcessor.create(this.exporter))
		.withBean(RecordingSink.class, () -> this.sink);

	@Test
	void aiServiceInvocationIsAnAgentRunWithItsModelCall() {
		this.contextRunner.run((context) -> {
			Concierge concierge = observer(context).observe(AiServices.builder(Concierge.class))
				.chatModel(model(context))
				.chatMemoryProvider((id) -> MessageWindowChatMemory.withMaxMessages(10))
				.build();
			assertThat(concierge.chat("conv-7", "What is the capital of France?")).isEqualTo("Paris");
			assertThat(scrape(context))
				.contains("gen_ai_invoke_agent_duration_seconds_count{error_type=\"none\","
						+ "gen_ai_agent_name=\"Concierge\"} 1")
				.contains("gen_ai_client_operation_duration_seconds_count{error_type=\"none\","
						+ "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
						+ "gen_ai_request_model=\"gpt-4o\"} 1")
				.contains("gen_ai_client_token_usage_tokens_sum{gen_ai_operation_name=\"chat\","
						+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\",gen_ai_token_type=\"input\"} 12.0")
				.contains("gen_ai_client_token_usage_tokens_sum{gen_ai_operation_name=\"chat\","
						+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\",gen_ai_token_type=\"output\"} 3.0")
				.contains("agent_active_runs{gen_ai_agent_name=\"Concierge\"} 0");
			AgentOperation run = this.sink.only(AgentOperation.Kind.AGENT_RUN);
			ModelCall model = (ModelCall) this.sink.only(AgentOperation.Kind.MODEL_CALL);
			assertThat(run.agentName()).isEqualTo("Concierge");
			assertThat(run.scope().conversationId()).isEqualTo("conv-7");
			// What cost needs: provider, model and tokens
			assertThat(model.providerName()).isEqualTo("openai");
			assertThat(model.requestModel()).isEqualTo("gpt-4o");
			assertThat(model.responseModel()).isEqualTo("gpt-4o-2024-08-06");
			assertThat(model.tokens().input()).isEqualTo(12);
			assertThat(model.tokens().output()).isEqualTo(3);
			assertThat(model.agentName()).isEqualTo("Concierge");
			assertThat(model.runId()).isEqualTo(run.runId());
			assertThat(model.scope().conversationId()).isEqualTo("conv-7");
		});
	}

	@Test
	void callsReachCostStatisticsAndTheAgentsHealth() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(AgentCostAutoConfiguration.class,
					AgentStatisticsAutoConfiguration.class, AgentHealthAutoConfiguration.class))
			.withPropertyValues("monitoring.cost.models.gpt-4o.input=2.50", "monitoring.cost.models.gpt-4o.output=10.00")
			.run((context) -> {
				Concierge concierge = observer(context).observe(AiServices.builder(Concierge.class))
					.chatModel(model(context))
					.chatMemoryProvider((id) -> MessageWindowChatMemory.withMaxMessages(10))
					.build();
				concierge.chat("conv-8", "What is the capital of France?");
				// 12 input and 3 output tokens at $2.50 and $10.00 per million
				assertThat(scrape(context)).contains("gen_ai_client_cost_usd_total{gen_ai_agent_name=\"Concierge\","
						+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 6.0E-5");
				Map<String, Object> details = context.getBean(AgentsHealthIndicator.class).health().getDetails();
				assertThat(details).containsEntry("requests", 1L);
				assertThat((Map<String, Object>) details.get("agents")).containsKey("Concierge");
				assertThat((Map<String, Object>) details.get("models")).containsKey("gpt-4o");
			});
	}

	@Test
	void toolExecutionsAreToolCallsOfTheRun() {
		this.contextRunner.run((context) -> {
			Assistant assistant = observedWeatherAssistant(context);
			assertThat(assistant.chat("What is the weather in Paris?")).isEqualTo("It is sunny in Paris.");
			assertThat(scrape(context))
				.contains("gen_ai_execute_tool_duration_seconds_count{error_type=\"none\","
						+ "gen_ai_agent_name=\"Assistant\",gen_ai_tool_name=\"currentWeather\","
						+ "gen_ai_tool_type=\"function\"} 1")
				.contains("gen_ai_client_operation_duration_seconds_count{error_type=\"none\","
						+ "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
						+ "gen_ai_request_model=\"gpt-4o\"} 2");
			AgentOperation run = this.sink.only(AgentOperation.Kind.AGENT_RUN);
			ToolCall tool = (ToolCall) this.sink.only(AgentOperation.Kind.TOOL_CALL);
			assertThat(run.scope().conversationId()).isNull();
			assertThat(tool.toolName()).isEqualTo("currentWeather");
			assertThat(tool.toolCallId()).isEqualTo("call_weather_1");
			assertThat(tool.runId()).isEqualTo(run.runId());
			assertThat(this.sink.of(AgentOperation.Kind.MODEL_CALL)).hasSize(2)
				.allSatisfy((model) -> assertThat(model.runId()).isEqualTo(run.runId()));
		});
	}

	@Test
	void eachRequestToTheModelIsAStepOfTheRunWithTheToolsItAskedFor() {
		this.contextRunner.run((context) -> {
			Assistant assistant = observedWeatherAssistant(context);
			assistant.chat("What is the weather in Paris?");
			AgentOperation run = this.sink.only(AgentOperation.Kind.AGENT_RUN);
			assertThat(this.sink.of(AgentOperation.Kind.AGENT_STEP)).extracting((step) -> ((AgentStep) step).stepNumber())
				.containsExactly(1, 2);
			assertThat(this.sink.of(AgentOperation.Kind.AGENT_STEP)).allSatisfy((step) -> {
				assertThat(step.agentName()).isEqualTo("Assistant");
				assertThat(step.runId()).isEqualTo(run.runId());
			});
			assertThat(scrape(context)).contains(
					"agent_step_duration_seconds_count{error_type=\"none\",gen_ai_agent_name=\"Assistant\"} 2");
		});
	}

	@Test
	void eachOperationHasOneSpanNestedInItsStepOfTheRun() {
		this.contextRunner.run((context) -> {
			Assistant assistant = observedWeatherAssistant(context);
			assistant.chat("What is the weather in Paris?");
			List<SpanData> spans = this.exporter.getFinishedSpanItems();
			assertThat(spans).extracting(SpanData::getName)
				.containsExactlyInAnyOrder("invoke_agent Assistant", "step 1 Assistant", "step 2 Assistant",
						"chat gpt-4o", "chat gpt-4o", "execute_tool currentWeather");
			SpanData run = span(spans, "invoke_agent Assistant");
			SpanData first = span(spans, "step 1 Assistant");
			SpanData second = span(spans, "step 2 Assistant");
			assertThat(List.of(first, second)).allSatisfy((step) -> assertThat(step.getParentSpanId()).isEqualTo(run.getSpanId()));
			// The first request asks for the tool, which runs in its step; the second answers
			assertThat(span(spans, "execute_tool currentWeather").getParentSpanId()).isEqualTo(first.getSpanId());
			assertThat(spans).filteredOn((span) -> span.getName().equals("chat gpt-4o"))
				.extracting(SpanData::getParentSpanId)
				.containsExactlyInAnyOrder(first.getSpanId(), second.getSpanId());
			assertThat(spans).filteredOn((span) -> span.getName().equals("chat gpt-4o"))
				.allSatisfy((span) -> assertThat(span.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens")))
					.isPositive());
		});
	}

	@Test
	void serviceBuiltElsewhereIsObservedUnderTheNameItIsGiven() {
		this.contextRunner.run((context) -> {
			Assistant assistant = AiServices.builder(Assistant.class)
				.chatModel(model(context))
				.tools(new WeatherTools())
				.build();
			assertThat(observer(context).observeBuilt(assistant, "weatherAssistant")).isTrue();
			assertThat(assistant.chat("What is the weather in Paris?")).isEqualTo("It is sunny in Paris.");
			assertThat(this.sink.only(AgentOperation.Kind.AGENT_RUN).agentName()).isEqualTo("weatherAssistant");
			assertThat(this.sink.of(AgentOperation.Kind.AGENT_STEP)).hasSize(2);
			ToolCall tool = (ToolCall) this.sink.only(AgentOperation.Kind.TOOL_CALL);
			assertThat(tool.toolName()).isEqualTo("currentWeather");
			assertThat(tool.agentName()).isEqualTo("weatherAssistant");
			assertThat(this.sink.of(AgentOperation.Kind.MODEL_CALL)).hasSize(2)
				.allSatisfy((model) -> assertThat(model.agentName()).isEqualTo("weatherAssistant"));
		});
	}

	@Test
	void agentNamePropertyNamesTheRunsOfEveryService() {
		this.contextRunner.withPropertyValues("monitoring.bridges.langchain4j.agent-name=weather-agent").run((context) -> {
			Assistant built = AiServices.builder(Assistant.class).chatModel(model(context)).build();
			observer(context).observeBuilt(built, "weatherAssistant");
			built.chat("Hello?");
			observer(context).observe(AiServices.builder(Assistant.class)).chatModel(model(context)).build().chat("Hello?");
			assertThat(this.sink.of(AgentOperation.Kind.AGENT_RUN)).hasSize(2)
				.allSatisfy((run) -> assertThat(run.agentName()).isEqualTo("weather-agent"));
		});
	}

	@Test
	void objectNotBuiltByAiServicesIsLeftAsItIsWithAWarning(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			Assistant handWritten = (question) -> "Paris";
			assertThat(observer(context).observeBuilt(handWritten, "handWritten")).isFalse();
			assertThat(handWritten.chat("Hello?")).isEqualTo("Paris");
			assertThat(output).contains("LangChain4j AI service 'handWritten' is not observed");
		});
	}

	@Test
	void streamIsCountedOnceWithItsTokensWhenItCompletesOnAnotherThread() {
		this.contextRunner.run((context) -> {
			StreamingAssistant assistant = observer(context).observe(AiServices.builder(StreamingAssistant.class))
				.streamingChatModel(model(context).streaming())
				.build();
			CompletableFuture<String> answer = new CompletableFuture<>();
			assistant.chat("What is the capital of France?")
				.onPartialResponse((partial) -> {
				})
				.onCompleteResponse((response) -> answer.complete(response.aiMessage().text()))
				.onError(answer::completeExceptionally)
				.start();
			assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("Paris");
			// The run ends on the thread that completed the stream, after the answer was handed over
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.sink.operations()).hasSize(3));
			assertThat(this.sink.only(AgentOperation.Kind.AGENT_STEP).runId())
				.isEqualTo(this.sink.only(AgentOperation.Kind.AGENT_RUN).runId());
			ModelCall model = (ModelCall) this.sink.only(AgentOperation.Kind.MODEL_CALL);
			AgentOperation run = this.sink.only(AgentOperation.Kind.AGENT_RUN);
			assertThat(model.tokens().input()).isEqualTo(20);
			assertThat(model.tokens().output()).isEqualTo(5);
			assertThat(model.runId()).isEqualTo(run.runId());
			assertThat(scrape(context)).contains("gen_ai_token_type=\"input\"} 20.0")
				.contains("gen_ai_invoke_agent_duration_seconds_count{error_type=\"none\","
						+ "gen_ai_agent_name=\"StreamingAssistant\"} 1");
		});
	}

	@Test
	void failedModelCallFailsItsRun() {
		this.contextRunner.run((context) -> {
			ScriptedChatModel model = model(context);
			model.failWith(new IllegalStateException("rate limited"));
			Assistant assistant = observer(context).observe(AiServices.builder(Assistant.class))
				.chatModel(model)
				.build();
			assertThatIllegalStateException().isThrownBy(() -> assistant.chat("Hello?"));
			assertThat(this.sink.only(AgentOperation.Kind.MODEL_CALL).errorType())
				.isEqualTo("java.lang.IllegalStateException");
			assertThat(this.sink.only(AgentOperation.Kind.AGENT_RUN).failed()).isTrue();
			assertThat(scrape(context)).contains("gen_ai_client_operation_duration_seconds_count{"
					+ "error_type=\"java.lang.IllegalStateException\",gen_ai_operation_name=\"chat\"");
		});
	}

	@Test
	void failedToolIsAFailedToolCall() {
		this.contextRunner.run((context) -> {
			Assistant assistant = observer(context).observe(AiServices.builder(Assistant.class))
				.chatModel(model(context))
				.tools(new BrokenWeatherTools())
				.build();
			assistant.chat("What is the weather in Paris?");
			ToolCall tool = (ToolCall) this.sink.only(AgentOperation.Kind.TOOL_CALL);
			assertThat(tool.errorType()).isEqualTo(LangChain4jAiServiceObserver.TOOL_ERROR);
		});
	}

	@Test
	void modelCallInsideAnObservedRunBelongsToThatRun() {
		this.contextRunner.run((context) -> {
			ScriptedChatModel model = model(context);
			context.getBean(AgentObservations.class).agent("research-agent").observe(() -> model.chat("Hello?"));
			AgentOperation run = this.sink.only(AgentOperation.Kind.AGENT_RUN);
			ModelCall call = (ModelCall) this.sink.only(AgentOperation.Kind.MODEL_CALL);
			assertThat(call.agentName()).isEqualTo("research-agent");
			assertThat(call.runId()).isEqualTo(run.runId());
		});
	}

	private static Assistant observedWeatherAssistant(AssertableApplicationContext context) {
		return observer(context).observe(AiServices.builder(Assistant.class))
			.chatModel(model(context))
			.tools(new WeatherTools())
			.build();
	}

	private static SpanData span(List<SpanData> spans, String name) {
		return spans.stream().filter((span) -> span.getName().equals(name)).findFirst().orElseThrow();
	}

	private static LangChain4jAiServiceObserver observer(AssertableApplicationContext context) {
		return context.getBean(LangChain4jAiServiceObserver.class);
	}

	private static ScriptedChatModel model(AssertableApplicationContext context) {
		// As LangChain4j's Spring Boot starters do: every ChatModelListener bean
		return new ScriptedChatModel(context.getBeanProvider(ChatModelListener.class).orderedStream().toList());
	}

	private static String scrape(AssertableApplicationContext context) {
		return context.getBean(PrometheusMeterRegistry.class).scrape();
	}

	interface Assistant {

		String chat(String question);

	}

	interface Concierge {

		String chat(@MemoryId String conversation, @UserMessage String question);

	}

	interface StreamingAssistant {

		TokenStream chat(String question);

	}

	static class WeatherTools {

		@Tool("The current weather in a city")
		String currentWeather(String city) {
			return "sunny in " + city;
		}

	}

	static class BrokenWeatherTools {

		@Tool("The current weather in a city")
		String currentWeather(String city) {
			throw new IllegalStateException("weather service down");
		}

	}

}
