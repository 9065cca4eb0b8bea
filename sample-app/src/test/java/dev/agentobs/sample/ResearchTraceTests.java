package dev.agentobs.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import dev.agentobs.sample.SpanRecordingConfiguration.SpanThreads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace of one research run, as the real OpenTelemetry SDK exports it.
 */
@SampleAppTest
class ResearchTraceTests {

	private static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");

	private static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey("gen_ai.agent.name");

	private static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("agent.run.id");

	private static final AttributeKey<String> CONVERSATION_ID = AttributeKey.stringKey("gen_ai.conversation.id");

	private static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");

	private static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");

	private static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");

	private static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");

	private static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");

	private static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");

	private static final AttributeKey<String> TOOL_CALL_ID = AttributeKey.stringKey("gen_ai.tool.call.id");

	@LocalServerPort
	private int port;

	@Autowired
	private InMemorySpanExporter spans;

	@Autowired
	private SpanThreads spanThreads;

	@Test
	void researchRunIsOneTraceNestedRunStepModelAndTool() {
		Map<String, Object> response = research(ResearchApiTests.QUESTION, "conversation-42");
		String traceId = (String) response.get("traceId");
		List<SpanData> trace = awaitTrace(traceId);

		SpanData server = single(trace, (span) -> span.getKind() == SpanKind.SERVER);
		SpanData run = single(trace, named("invoke_agent research-agent"));
		assertThat(run.getParentSpanId()).isEqualTo(server.getSpanId());
		assertThat(run.getAttributes().get(OPERATION_NAME)).isEqualTo("invoke_agent");
		assertThat(run.getAttributes().get(AGENT_NAME)).isEqualTo("research-agent");
		assertThat(run.getAttributes().get(RUN_ID)).isEqualTo(response.get("runId"));
		assertThat(run.getAttributes().get(CONVERSATION_ID)).isEqualTo("conversation-42");

		SpanData firstStep = single(trace, named("step 1 research-agent"));
		assertThat(firstStep.getParentSpanId()).isEqualTo(run.getSpanId());
		List<SpanData> steps = all(trace, (span) -> span.getName().matches("step \\d research-agent"));
		assertThat(steps).hasSizeBetween(3, 4)
			.allSatisfy((step) -> assertThat(step.getParentSpanId()).isEqualTo(run.getSpanId()));
		List<String> stepIds = steps.stream().map(SpanData::getSpanId).toList();

		List<SpanData> plannerCalls = all(trace, named("chat gpt-4o"));
		assertThat(plannerCalls).hasSameSizeAs(steps).allSatisfy((call) -> {
			assertThat(call.getParentSpanId()).isIn(stepIds);
			assertThat(call.getAttributes().get(OPERATION_NAME)).isEqualTo("chat");
			assertThat(call.getAttributes().get(PROVIDER_NAME)).isEqualTo("openai");
			assertThat(call.getAttributes().get(REQUEST_MODEL)).isEqualTo("gpt-4o");
			assertThat(call.getAttributes().get(RESPONSE_MODEL)).isEqualTo("gpt-4o-2024-08-06");
			assertThat(call.getAttributes().get(AGENT_NAME)).isEqualTo("research-agent");
			assertThat(call.getAttributes().get(INPUT_TOKENS)).isPositive();
			assertThat(call.getAttributes().get(OUTPUT_TOKENS)).isPositive();
		});

		SpanData calculator = single(trace, named("execute_tool calculator"));
		assertThat(calculator.getParentSpanId()).isEqualTo(firstStep.getSpanId());
		assertThat(calculator.getAttributes().get(TOOL_NAME)).isEqualTo("calculator");

		SpanData code = single(trace, named("execute_code python"));
		assertThat(code.getParentSpanId()).isIn(stepIds);
	}

	@Test
	void parallelSearchesRunOnTheToolExecutorInsideTheRunsTrace() {
		String traceId = (String) research(ResearchApiTests.QUESTION, null).get("traceId");
		List<SpanData> trace = awaitTrace(traceId);
		SpanData firstStep = single(trace, named("step 1 research-agent"));

		List<SpanData> searches = all(trace, (span) -> span.getName().equals("execute_tool web_search")
				&& span.getParentSpanId().equals(firstStep.getSpanId()));
		assertThat(searches).hasSize(2).allSatisfy((search) -> {
			assertThat(this.spanThreads.threadOf(search.getSpanId())).startsWith("tool-");
			assertThat(search.getAttributes().get(AGENT_NAME)).isEqualTo("research-agent");
			assertThat(search.getAttributes().get(TOOL_CALL_ID)).startsWith("call_");
		});
		List<String> searchIds = searches.stream().map(SpanData::getSpanId).toList();
		List<SpanData> condensing = all(trace, named("chat gpt-4o-mini")).stream()
			.filter((call) -> searchIds.contains(call.getParentSpanId()))
			.toList();
		assertThat(condensing).hasSize(2)
			.allSatisfy((call) -> assertThat(this.spanThreads.threadOf(call.getSpanId())).startsWith("tool-"));
	}

	@Test
	void subAgentRunIsAChildOfTheToolCallThatInvokedIt() {
		String traceId = (String) research(ResearchApiTests.QUESTION, null).get("traceId");
		List<SpanData> trace = awaitTrace(traceId);
		SpanData run = single(trace, named("invoke_agent research-agent"));

		SpanData factCheck = single(trace, named("execute_tool fact_check"));
		SpanData subAgent = single(trace, named("invoke_agent fact-checker"));
		assertThat(subAgent.getParentSpanId()).isEqualTo(factCheck.getSpanId());
		assertThat(subAgent.getAttributes().get(AGENT_NAME)).isEqualTo("fact-checker");
		assertThat(subAgent.getAttributes().get(RUN_ID)).isNotEqualTo(run.getAttributes().get(RUN_ID));

		SpanData subAgentStep = single(trace, named("step 1 fact-checker"));
		assertThat(subAgentStep.getParentSpanId()).isEqualTo(subAgent.getSpanId());
		assertThat(all(trace, (span) -> span.getName().equals("chat gpt-4o-mini")
				&& span.getParentSpanId().equals(subAgentStep.getSpanId())))
			.singleElement()
			.satisfies((call) -> assertThat(call.getAttributes().get(AGENT_NAME)).isEqualTo("fact-checker"));
		assertThat(all(trace, (span) -> span.getName().equals("execute_tool web_search")
				&& span.getParentSpanId().equals(subAgentStep.getSpanId())))
			.singleElement()
			.satisfies((search) -> assertThat(search.getAttributes().get(AGENT_NAME)).isEqualTo("fact-checker"));
	}

	private Map<String, Object> research(String question, String conversationId) {
		String body = (conversationId != null)
				? "{\"question\": \"" + question + "\", \"conversationId\": \"" + conversationId + "\"}"
				: "{\"question\": \"" + question + "\"}";
		return RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/api/research")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
	}

	/**
	 * The spans of a trace, once its root (the HTTP server span) has ended and been exported.
	 */
	private List<SpanData> awaitTrace(String traceId) {
		assertThat(traceId).isNotBlank();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> inTrace(traceId).stream().anyMatch((span) -> span.getKind() == SpanKind.SERVER));
		List<SpanData> trace = inTrace(traceId);
		List<String> ids = trace.stream().map(SpanData::getSpanId).toList();
		assertThat(trace).as("every span's parent is in the trace").allSatisfy((span) -> {
			if (span.getKind() != SpanKind.SERVER) {
				assertThat(span.getParentSpanId()).isIn(ids);
			}
		});
		return trace;
	}

	private List<SpanData> inTrace(String traceId) {
		return this.spans.getFinishedSpanItems().stream().filter((span) -> span.getTraceId().equals(traceId)).toList();
	}

	private static Predicate<SpanData> named(String name) {
		return (span) -> span.getName().equals(name);
	}

	private static SpanData single(List<SpanData> spans, Predicate<SpanData> predicate) {
		List<SpanData> matching = all(spans, predicate);
		assertThat(matching).as("spans matching in %s", spans.stream().map(SpanData::getName).toList()).hasSize(1);
		return matching.get(0);
	}

	private static List<SpanData> all(List<SpanData> spans, Predicate<SpanData> predicate) {
		return spans.stream().filter(predicate).toList();
	}

}
