package dev.agentobs.autoconfigure.bridge.springai;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.AgentCostAutoConfiguration;
import dev.agentobs.autoconfigure.AgentHealthAutoConfiguration;
import dev.agentobs.autoconfigure.AgentMetricsAutoConfiguration;
import dev.agentobs.autoconfigure.AgentStatisticsAutoConfiguration;
import dev.agentobs.autoconfigure.AgentTracingAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.autoconfigure.health.AgentsHealthIndicator;
import dev.agentobs.internal.bridge.springai.OpenAiCompatibleServer;
import dev.agentobs.internal.bridge.springai.SpringAiChatClientHandler;
import dev.agentobs.internal.metrics.PrometheusSamples;
import dev.agentobs.internal.stats.ActiveAgentRuns;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.RecordingSink;
import dev.agentobs.operation.ToolCall;
import dev.agentobs.stats.AgentStatistics;

import static dev.agentobs.autoconfigure.bridge.springai.LoopbackOpenAi.SPRING_AI_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the Spring AI bridge with a real {@link ChatClient} and Spring AI's real OpenAI
 * client, talking to a loopback server that answers like OpenAI, scraped from a real
 * Prometheus registry and traced by the OpenTelemetry SDK. Both Spring Boot generations run
 * them: Spring Boot 4 with Spring AI 2.0, Spring Boot 3.5 with Spring AI 1.1.
 */
class SpringAiBridgeTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final RecordingSink sink = new RecordingSink();

	private OpenAiCompatibleServer server;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startServer() throws Exception {
		this.server = new OpenAiCompatibleServer();
		this.contextRunner = LoopbackOpenAi.chatModel(this.server)
			.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.metrics(),
					BootAutoConfigurations.openTelemetrySdk(), BootAutoConfigurations.openTelemetryTracing(),
					BootAutoConfigurations.micrometerTracing(), ChatClientAutoConfiguration.class,
					AgentMetricsAutoConfiguration.class, AgentStatisticsAutoConfiguration.class,
					AgentTracingAutoConfiguration.class))
			.withPropertyValues("spring.application.name=support-service", "management.tracing.sampling.probability=1.0")
			.withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
			.withBean(SpanProcessor.class, () -> SimpleSpanProcessor.create(this.exporter))
			.withBean(RecordingSink.class, () -> this.sink);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void chatClientCallIsAnAgentRunWithItsModelCall() {
		this.contextRunner.run((context) -> {
			String answer = chatClient(context).prompt("What is the capital of France?")
				.advisors((advisors) -> advisors.param(SpringAiChatClientHandler.AGENT_NAME_PARAM, "geography-agent")
					.param(ChatMemory.CONVERSATION_ID, "conv-7"))
				.call()
				.content();
			assertThat(answer).isEqualTo("Paris");
			assertThat(scrape(context))
				.contains("gen_ai_invoke_agent_duration_seconds_count{error_type=\"none\","
						+ "gen_ai_agent_name=\"geography-agent\"} 1")
				.contains("gen_ai_client_operation_duration_seconds_count{error_type=\"none\","
						+ "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
						+ "gen_ai_request_model=\"gpt-4o\"} 1")
				.contains("gen_ai_client_token_usage_tokens_sum{gen_ai_operation_name=\"chat\","
						+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\",gen_ai_token_type=\"input\"} 12.0")
				.contains("gen_ai_client_token_usage_tokens_sum{gen_ai_operation_name=\"chat\","
						+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\",gen_ai_token_type=\"output\"} 3.0")
				.contains("agent_active_runs{gen_ai_agent_name=\"geography-agent\"} 0");
			AgentOperation run = this.sink.only(AgentOperation.Kind.AGENT_RUN);
			ModelCall model = (ModelCall) this.sink.only(AgentOperation.Kind.MODEL_CALL);
			assertThat(run.agentName()).isEqualTo("geography-agent");
			assertThat(run.scope().conversationId()).isEqualTo("conv-7");
			assertThat(run.runId()).isNotBlank();
			assertThat(run.failed()).isFalse();
			// What cost needs: provider, model and tokens
			assertThat(model.providerName()).isEqualTo("openai");
			assertThat(model.requestModel()).isEqualTo("gpt-4o");
			assertThat(model.responseModel()).isEqualTo("gpt-4o-2024-08-06");
			assertThat(model.tokens().input()).isEqualTo(12);
			assertThat(model.tokens().output()).isEqualTo(3);
			// Spring AI 1.1 maps no cache tokens, Spring AI maps no reasoning tokens: they come from OpenAI's own usage
			assertThat(model.tokens().cachedInput()).isEqualTo(4);
			assertThat(model.tokens().reasoningOutput()).isEqualTo(2);
			assertThat(model.agentName()).isEqualTo("geography-agent");
			assertThat(model.runId()).isEqualTo(run.runId());
			assertThat(model.scope().conversationId()).isEqualTo("conv-7");
			assertThat(model.duration()).isPositive().isLessThanOrEqualTo(run.duration());
		});
	}

	@Test
	void callsReachCostStatisticsAndTheAgentsHealth() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(AgentCostAutoConfiguration.class,
					AgentStatisticsAutoConfiguration.class, AgentHealthAutoConfiguration.class))
			.withPropertyValues("monitoring.cost.models.gpt-4o.input=2.50", "monitoring.cost.models.gpt-4o.output=10.00")
			.run((context) -> {
				chatClient(context).prompt("What is the capital of France?")
					.advisors((advisors) -> advisors.param(SpringAiChatClientHandler.AGENT_NAME_PARAM, "geography-agent"))
					.call()
					.content();
				// 12 input tokens (4 of them cached, priced as input) and 3 output tokens (2 of them reasoning, priced as output)
				assertThat(scrape(context)).contains("gen_ai_client_cost_usd_total{gen_ai_agent_name=\"geography-agent\","
						+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 6.0E-5");
				Map<String, Object> details = context.getBean(AgentsHealthIndicator.class).health().getDetails();
				assertThat(details).containsEntry("requests", 1L);
				assertThat((Map<String, Object>) details.get("agents")).containsKey("geography-agent");
				assertThat((Map<String, Object>) details.get("models")).containsKey("gpt-4o");
				assertThat(details).containsEntry("costToday", 6.0E-5);
				// The counter the bridge tells of its runs is the one the statistics read
				ActiveAgentRuns runs = context.getBean(ActiveAgentRuns.class);
				runs.started("probe");
				assertThat(context.getBean(AgentStatistics.class).snapshot().activeRuns()).isEqualTo(1);
				runs.finished("probe");
			});
	}

	@Test
	void toolCallsBelongToTheRunAndCarryTheToolsName() {
		this.contextRunner.run((context) -> {
			String answer = chatClient(context).prompt("What is the weather in Paris?")
				.tools(new WeatherTools())
				.call()
				.content();
			assertThat(answer).isEqualTo("It is sunny in Paris.");
			assertThat(scrape(context))
				.contains("gen_ai_execute_tool_duration_seconds_count{error_type=\"none\","
						+ "gen_ai_agent_name=\"support-service\",gen_ai_tool_name=\"currentWeather\","
						+ "gen_ai_tool_type=\"function\"} 1")
				.contains("gen_ai_client_operation_duration_seconds_count{error_type=\"none\","
						+ "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
						+ "gen_ai_request_model=\"gpt-4o\"} 2")
				.contains("gen_ai_invoke_agent_duration_seconds_count{error_type=\"none\","
						+ "gen_ai_agent_name=\"support-service\"} 1");
			AgentOperation run = this.sink.only(AgentOperation.Kind.AGENT_RUN);
			ToolCall tool = (ToolCall) this.sink.only(AgentOperation.Kind.TOOL_CALL);
			assertThat(tool.toolName()).isEqualTo("currentWeather");
			assertThat(tool.toolType()).isEqualTo("function");
			assertThat(tool.toolCallId()).isEqualTo(SPRING_AI_1 ? null : "call_weather_1");
			assertThat(tool.runId()).isEqualTo(run.runId());
			assertThat(this.sink.of(AgentOperation.Kind.MODEL_CALL)).hasSize(2)
				.allSatisfy((model) -> assertThat(model.runId()).isEqualTo(run.runId()));
		});
	}

	@Test
	void eachModelCallOfAToolUsingAnswerCountsItsOwnTokens() {
		this.contextRunner.withPropertyValues("monitoring.cost.models.gpt-4o.input=2.50",
				"monitoring.cost.models.gpt-4o.output=10.00")
			.withConfiguration(AutoConfigurations.of(AgentCostAutoConfiguration.class))
			.run((context) -> {
				chatClient(context).prompt("What is the weather in Paris?").tools(new WeatherTools()).call().content();
				// What the server reported: 60 + 15 tokens for the call that asks for the tool,
				// 80 + 9 for the answer; Spring AI 1.1 reports the answer's added to the first's
				assertThat(this.sink.of(AgentOperation.Kind.MODEL_CALL)).map((model) -> ((ModelCall) model).tokens())
					.extracting("input", "output")
					.containsExactly(tuple(60L, 15L), tuple(80L, 9L));
				assertThat(scrape(context))
					.contains("gen_ai_client_token_usage_tokens_sum{gen_ai_operation_name=\"chat\","
							+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\",gen_ai_token_type=\"input\"} 140.0")
					.contains("gen_ai_client_token_usage_tokens_sum{gen_ai_operation_name=\"chat\","
							+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\",gen_ai_token_type=\"output\"} 24.0")
					// 140 x 2.50 + 24 x 10.00 per million tokens
					.contains("gen_ai_client_cost_usd_total{gen_ai_agent_name=\"support-service\","
							+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 5.9E-4");
			});
	}

	@Test
	void eachModelAndToolCallHasOneSpanMadeBySpringAi() {
		this.contextRunner.run((context) -> {
			chatClient(context).prompt("What is the weather in Paris?").tools(new WeatherTools()).call().content();
			List<SpanData> spans = this.exporter.getFinishedSpanItems();
			assertThat(spans).filteredOn((span) -> span.getName().equals("chat gpt-4o")).hasSize(2);
			String toolSpan = SPRING_AI_1 ? "tool_call current-weather" : "execute_tool currentWeather";
			assertThat(spans).filteredOn((span) -> span.getName().equals(toolSpan)).hasSize(1);
			assertThat(spans).filteredOn((span) -> span.getName().startsWith("invoke_agent")).isEmpty();
			// Every span is Spring AI's own: none carries the attributes of the starter's spans
			assertThat(spans).allSatisfy(
					(span) -> assertThat(span.getAttributes().get(AttributeKey.stringKey("agent.run.id"))).isNull());
		});
	}

	@Test
	void streamIsCountedOnceWithItsTokens() {
		// Spring AI 1.1's OpenAI client asks for a stream's usage only when told to (docs/bridges.md);
		// 2.0's always asks and has no such key
		this.contextRunner.withPropertyValues("spring.ai.openai.chat.options.stream-usage=true").run((context) -> {
			List<String> chunks = chatClient(context).prompt("What is the capital of France?")
				.stream()
				.content()
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(String.join("", chunks)).isEqualTo("Paris");
			// Spring AI stops its observations in doFinally, just after the subscriber saw completion
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.sink.operations()).hasSize(2));
			assertThat(this.server.requests()).singleElement()
				.satisfies((request) -> assertThat(request.replace(" ", "")).contains("\"include_usage\":true"));
			assertThat(scrape(context))
				.contains("gen_ai_client_operation_duration_seconds_count{error_type=\"none\","
						+ "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
						+ "gen_ai_request_model=\"gpt-4o\"} 1")
				.contains("gen_ai_token_type=\"input\"} 20.0")
				.contains("gen_ai_token_type=\"output\"} 5.0")
				.contains("gen_ai_invoke_agent_duration_seconds_count{error_type=\"none\","
						+ "gen_ai_agent_name=\"support-service\"} 1");
			ModelCall model = (ModelCall) this.sink.only(AgentOperation.Kind.MODEL_CALL);
			assertThat(model.tokens().input()).isEqualTo(20);
			assertThat(model.tokens().output()).isEqualTo(5);
			assertThat(model.runId()).isEqualTo(this.sink.only(AgentOperation.Kind.AGENT_RUN).runId());
		});
	}

	@Test
	void streamsGetTheirTimeToFirstChunkWithNoCodeOfTheApplication() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(AgentCostAutoConfiguration.class))
			.withPropertyValues("spring.ai.openai.chat.options.stream-usage=true",
					"monitoring.cost.models.gpt-4o.input=2.50", "monitoring.cost.models.gpt-4o.output=10.00")
			.run((context) -> {
				long streamsNanos = 0;
				for (int i = 0; i < 2; i++) {
					long start = System.nanoTime();
					List<String> chunks = chatClient(context).prompt("What is the capital of France?")
						.stream()
						.content()
						.collectList()
						.block(Duration.ofSeconds(10));
					streamsNanos += System.nanoTime() - start;
					assertThat(String.join("", chunks)).isEqualTo("Paris");
				}
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(this.sink.operations()).hasSize(4));
				List<ModelCall> calls = this.sink.operations()
					.stream()
					.filter(ModelCall.class::isInstance)
					.map(ModelCall.class::cast)
					.toList();
				assertThat(calls).hasSize(2).allSatisfy((call) -> {
					assertThat(call.streamed()).isTrue();
					// The server sends an event every 50 ms: the first chunk comes well before the last
					assertThat(call.stream().chunks()).isGreaterThanOrEqualTo(3);
					assertThat(call.stream().timeToFirstChunk()).isPositive()
						.isLessThan(call.stream().timeToLastChunk().minusMillis(OpenAiCompatibleServer.CHUNK_GAP_MILLIS));
					assertThat(call.stream().timeToLastChunk()).isLessThanOrEqualTo(call.duration().plusMillis(500));
					assertThat(call.tokens().input()).isEqualTo(20);
					assertThat(call.tokens().output()).isEqualTo(5);
				});
				long gaps = calls.stream().mapToLong((call) -> call.stream().chunks() - 1).sum();
				String scrape = scrape(context);
				String labels = "{error_type=\"none\",gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
						+ "gen_ai_request_model=\"gpt-4o\"}";
				assertThat(scrape).contains("gen_ai_client_operation_time_to_first_chunk_seconds_count" + labels + " 2")
					.contains("gen_ai_client_operation_time_per_output_chunk_seconds_count" + labels + " " + gaps)
					.contains("gen_ai_client_operation_duration_seconds_count" + labels + " 2")
					.contains("gen_ai_invoke_agent_duration_seconds_count{error_type=\"none\","
							+ "gen_ai_agent_name=\"support-service\"} 2")
					.contains("gen_ai_token_type=\"input\"} 40.0")
					.contains("gen_ai_token_type=\"output\"} 10.0")
					// 2 x (20 input tokens at 2.50 and 5 output tokens at 10.00 per million)
					.contains("gen_ai_client_cost_usd_total{gen_ai_agent_name=\"support-service\","
							+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 2.0E-4");
				double firstChunkSeconds = PrometheusSamples.sample(scrape,
						"gen_ai_client_operation_time_to_first_chunk_seconds_sum", labels);
				assertThat(firstChunkSeconds).isPositive().isLessThan(streamsNanos / 1e9);
			});
	}

	@Test
	void failedModelCallFailsItsRun() {
		this.contextRunner.run((context) -> {
			this.server.failWith(429);
			assertThatException()
				.isThrownBy(() -> chatClient(context).prompt("What is the capital of France?").call().content());
			ModelCall model = (ModelCall) this.sink.only(AgentOperation.Kind.MODEL_CALL);
			AgentOperation run = this.sink.only(AgentOperation.Kind.AGENT_RUN);
			assertThat(model.failed()).isTrue();
			assertThat(run.failed()).isTrue();
			assertThat(scrape(context)).contains("gen_ai_client_operation_duration_seconds_count{error_type=\""
					+ model.errorType() + "\",gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\"");
		});
	}

	@Test
	void chatClientCallInsideAnObservedRunBelongsToThatRun() {
		this.contextRunner.run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			observations.agent("research-agent")
				.observe(() -> chatClient(context).prompt("What is the capital of France?").call().content());
			AgentOperation run = this.sink.only(AgentOperation.Kind.AGENT_RUN);
			ModelCall model = (ModelCall) this.sink.only(AgentOperation.Kind.MODEL_CALL);
			assertThat(run.agentName()).isEqualTo("research-agent");
			assertThat(model.agentName()).isEqualTo("research-agent");
			assertThat(model.runId()).isEqualTo(run.runId());
			List<SpanData> spans = this.exporter.getFinishedSpanItems();
			SpanData agentSpan = spans.stream()
				.filter((span) -> span.getName().equals("invoke_agent research-agent"))
				.findFirst()
				.orElseThrow();
			assertThat(spans).filteredOn((span) -> span.getName().equals("chat gpt-4o"))
				.singleElement()
				.satisfies((span) -> assertThat(span.getTraceId()).isEqualTo(agentSpan.getTraceId()));
		});
	}

	@Test
	void springAiKeepsItsOwnMeters() {
		this.contextRunner.run((context) -> {
			chatClient(context).prompt("What is the capital of France?").call().content();
			assertThat(scrape(context)).contains("gen_ai_client_operation_seconds_count{")
				.contains("spring_ai_chat_client_seconds_count{");
		});
	}

	@Test
	void meterFilterOfTheDocumentationDropsOnlySpringAisOwnMeters() {
		this.contextRunner.withBean(MeterFilter.class, SpringAiBridgeTests::dropSpringAiMeters).run((context) -> {
			chatClient(context).prompt("What is the weather in Paris?").tools(new WeatherTools()).call().content();
			assertThat(scrape(context)).doesNotContain("spring_ai_", "gen_ai_client_operation_seconds",
					"gen_ai_client_operation_active_seconds", "gen_ai_client_token_usage_total")
				.contains("gen_ai_client_operation_duration_seconds_count{", "gen_ai_client_token_usage_tokens_count{",
						"gen_ai_execute_tool_duration_seconds_count{", "gen_ai_invoke_agent_duration_seconds_count{");
		});
	}

	// The MeterFilter of docs/bridges.md
	static MeterFilter dropSpringAiMeters() {
		return MeterFilter.deny((id) -> id.getName().startsWith("spring.ai.")
				|| id.getName().equals("gen_ai.client.operation")
				|| id.getName().equals("gen_ai.client.operation.active")
				|| (id.getName().equals("gen_ai.client.token.usage") && id.getTag("gen_ai.system") != null));
	}

	private static ChatClient chatClient(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	private static String scrape(AssertableApplicationContext context) {
		return context.getBean(PrometheusMeterRegistry.class).scrape();
	}

	static class WeatherTools {

		@Tool(description = "The current weather in a city")
		String currentWeather(String city) {
			return "sunny in " + city;
		}

	}

}
