package dev.agentobs.autoconfigure;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.api.ModelCallStream;
import dev.agentobs.internal.tracing.AgentContentObservationFilter;
import dev.agentobs.internal.tracing.AgentTracingObservationHandler;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * Tests for {@link AgentTracingAutoConfiguration} with Spring Boot's OpenTelemetry tracing and
 * the real OpenTelemetry SDK exporting to memory.
 */
class AgentTracingAutoConfigurationTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
				BootAutoConfigurations.openTelemetrySdk(), BootAutoConfigurations.openTelemetryTracing(),
				BootAutoConfigurations.micrometerTracing(), AgentObservationAutoConfiguration.class,
				AgentTracingAutoConfiguration.class))
		.withPropertyValues("management.tracing.sampling.probability=1.0")
		.withBean(SpanProcessor.class, () -> SimpleSpanProcessor.create(this.exporter));

	@Test
	void researchRunMakesOneSpanPerOperationNestedRunStepModelTool() {
		this.contextRunner.run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			observations.agent("research-agent").conversationId("conv-1").observe(() -> {
				observations.step(1).observe(() -> {
					observations.model("openai", "gpt-4o").observe((call) -> call.tokens(1200, 300)
						.responseModel("gpt-4o-2024-08-06"));
					observations.tool("fact_check")
						.observe(() -> observations.agent("fact-checker").observe(() -> "checked"));
				});
			});
			List<SpanData> spans = this.exporter.getFinishedSpanItems();
			assertThat(spans).extracting(SpanData::getName)
				.containsExactlyInAnyOrder("invoke_agent research-agent", "step 1 research-agent", "chat gpt-4o",
						"execute_tool fact_check", "invoke_agent fact-checker");
			SpanData run = span(spans, "invoke_agent research-agent");
			SpanData step = span(spans, "step 1 research-agent");
			SpanData model = span(spans, "chat gpt-4o");
			SpanData tool = span(spans, "execute_tool fact_check");
			SpanData subAgent = span(spans, "invoke_agent fact-checker");
			assertThat(run.getParentSpanContext().isValid()).isFalse();
			assertThat(step.getParentSpanId()).isEqualTo(run.getSpanId());
			assertThat(model.getParentSpanId()).isEqualTo(step.getSpanId());
			assertThat(tool.getParentSpanId()).isEqualTo(step.getSpanId());
			assertThat(subAgent.getParentSpanId()).isEqualTo(tool.getSpanId());
			assertThat(spans).allSatisfy((span) -> assertThat(span.getTraceId()).isEqualTo(run.getTraceId()));

			assertThat(run.getAttributes().get(AttributeKey.stringKey("gen_ai.operation.name")))
				.isEqualTo("invoke_agent");
			assertThat(run.getAttributes().get(AttributeKey.stringKey("gen_ai.agent.name")))
				.isEqualTo("research-agent");
			assertThat(run.getAttributes().get(AttributeKey.stringKey("gen_ai.conversation.id"))).isEqualTo("conv-1");
			assertThat(model.getAttributes().get(AttributeKey.stringKey("gen_ai.provider.name"))).isEqualTo("openai");
			assertThat(model.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model"))).isEqualTo("gpt-4o");
			assertThat(model.getAttributes().get(AttributeKey.stringKey("gen_ai.response.model")))
				.isEqualTo("gpt-4o-2024-08-06");
			assertThat(model.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(1200L);
			assertThat(model.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens"))).isEqualTo(300L);
			assertThat(model.getAttributes().get(AttributeKey.stringKey("gen_ai.agent.name")))
				.isEqualTo("research-agent");
			assertThat(model.getAttributes().get(AttributeKey.stringKey("agent.run.id")))
				.isEqualTo(run.getAttributes().get(AttributeKey.stringKey("agent.run.id")));
			assertThat(tool.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.name"))).isEqualTo("fact_check");
			assertThat(tool.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.type"))).isEqualTo("function");
			assertThat(subAgent.getAttributes().get(AttributeKey.stringKey("gen_ai.conversation.id")))
				.isEqualTo("conv-1");
			assertThat(subAgent.getAttributes().get(AttributeKey.stringKey("agent.run.id")))
				.isNotEqualTo(run.getAttributes().get(AttributeKey.stringKey("agent.run.id")));
			assertThat(model.getAttributes().get(AttributeKey.stringKey("gen_ai.input.messages"))).isNull();
		});
	}

	@Test
	void streamedModelCallSpanCarriesStreamAndTimeToFirstChunkAndTokenKindsAsNumbers() {
		this.contextRunner.run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			ModelCallStream stream = observations.model("openai", "gpt-4o").startStream();
			// The model's time to its first chunk
			Thread.sleep(20);
			stream.chunk().chunk().complete();
			observations.model("openai", "gpt-4o-mini")
				.observe((call) -> call.tokens(10, 2).cacheReadTokens(6).cacheWriteTokens(3).reasoningTokens(1));
			SpanData streamed = span(this.exporter.getFinishedSpanItems(), "chat gpt-4o");
			SpanData plain = span(this.exporter.getFinishedSpanItems(), "chat gpt-4o-mini");
			assertThat(streamed.getAttributes().get(AttributeKey.booleanKey("gen_ai.request.stream"))).isTrue();
			Double firstChunk = streamed.getAttributes()
				.get(AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk"));
			assertThat(firstChunk).isNotNull()
				.isGreaterThanOrEqualTo(0.020)
				.isLessThanOrEqualTo((streamed.getEndEpochNanos() - streamed.getStartEpochNanos()) / 1e9);
			assertThat(plain.getAttributes().get(AttributeKey.booleanKey("gen_ai.request.stream"))).isFalse();
			assertThat(plain.getAttributes().get(AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk")))
				.isNull();
			assertThat(plain.getAttributes().get(AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens")))
				.isEqualTo(6L);
			assertThat(plain.getAttributes().get(AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens")))
				.isEqualTo(3L);
			assertThat(plain.getAttributes().get(AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens")))
				.isEqualTo(1L);
		});
	}

	@Test
	void operationsCarryTheIdsOfTheirOwnSpan() {
		java.util.List<dev.agentobs.operation.AgentOperation> operations = new java.util.concurrent.CopyOnWriteArrayList<>();
		this.contextRunner.withBean(dev.agentobs.operation.AgentOperationSink.class, () -> operations::add)
			.run((context) -> {
				context.getBean(AgentObservations.class).tool("web_search").observe(() -> "found");
				SpanData tool = span(this.exporter.getFinishedSpanItems(), "execute_tool web_search");
				assertThat(operations).singleElement().satisfies((operation) -> {
					assertThat(operation.scope().traceId()).isEqualTo(tool.getTraceId());
					assertThat(operation.scope().spanId()).isEqualTo(tool.getSpanId());
				});
			});
	}

	@Test
	void failedModelCallRecordsErrorTypeAndException() {
		this.contextRunner.run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			assertThatRuntimeException().isThrownBy(() -> observations.model("openai", "gpt-4o").observe(() -> {
				throw new IllegalStateException("rate limited");
			}));
			SpanData model = span(this.exporter.getFinishedSpanItems(), "chat gpt-4o");
			assertThat(model.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
			assertThat(model.getAttributes().get(AttributeKey.stringKey("error.type")))
				.isEqualTo("java.lang.IllegalStateException");
			assertThat(model.getEvents()).anySatisfy((event) -> assertThat(event.getName()).isEqualTo("exception"));
		});
	}

	@Test
	void toolCallOnAnotherThreadStaysInTheRun() {
		this.contextRunner.run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			ExecutorService executor = ContextExecutorService.wrap(Executors.newSingleThreadExecutor(),
					ContextSnapshotFactory.builder().build()::captureAll);
			try {
				observations.agent("research-agent")
					.observeChecked((run) -> executor.submit(() -> observations.tool("web_search").observe(() -> "found"))
						.get(5, TimeUnit.SECONDS));
			}
			finally {
				executor.shutdownNow();
			}
			List<SpanData> spans = this.exporter.getFinishedSpanItems();
			SpanData run = span(spans, "invoke_agent research-agent");
			SpanData tool = span(spans, "execute_tool web_search");
			assertThat(tool.getParentSpanId()).isEqualTo(run.getSpanId());
			assertThat(tool.getAttributes().get(AttributeKey.stringKey("gen_ai.agent.name")))
				.isEqualTo("research-agent");
		});
	}

	@Test
	void contentIsCapturedOnlyWhenEnabledAndCutToMaxLength() {
		this.contextRunner
			.withPropertyValues("monitoring.tracing.capture-content=true", "monitoring.tracing.max-content-length=10")
			.run((context) -> {
				assertThat(context).hasSingleBean(AgentContentObservationFilter.class);
				context.getBean(AgentObservations.class)
					.model("openai", "gpt-4o")
					.prompt("What is the capital of France?")
					.observe((call) -> call.completion("Paris"));
				SpanData model = span(this.exporter.getFinishedSpanItems(), "chat gpt-4o");
				assertThat(model.getAttributes().get(AttributeKey.stringKey("gen_ai.input.messages")))
					.isEqualTo("What is...");
				assertThat(model.getAttributes().get(AttributeKey.stringKey("gen_ai.output.messages")))
					.isEqualTo("Paris");
			});
	}

	@Test
	void runWithoutTracerShouldNotCreateHandler() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AgentObservationAutoConfiguration.class,
					AgentTracingAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(AgentTracingObservationHandler.class)
				.doesNotHaveBean(AgentContentObservationFilter.class));
	}

	@Test
	void runWhenDisabledShouldNotCreateHandler() {
		this.contextRunner.withPropertyValues("monitoring.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AgentTracingObservationHandler.class));
	}

	private static SpanData span(List<SpanData> spans, String name) {
		return spans.stream()
			.filter((span) -> span.getName().equals(name))
			.reduce((a, b) -> {
				throw new AssertionError("More than one span named " + name);
			})
			.orElseThrow(() -> new AssertionError("No span named " + name + " in " + spans));
	}

}
