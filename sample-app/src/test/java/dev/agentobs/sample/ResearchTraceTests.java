package dev.agentobs.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import dev.agentobs.operation.AgentOperation;
import dev.agentobs.sample.SpanThreadsConfiguration.SpanThreads;
import dev.agentobs.sample.agent.FactCheckerAgent;
import dev.agentobs.sample.agent.ResearchAgent;
import dev.agentobs.sample.tool.ToolNames;
import dev.agentobs.test.RecordedAgentOperations;
import dev.agentobs.test.RecordedSpans;

import static dev.agentobs.test.AgentObservabilityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What one research run did and the trace it left, as the starter records them: the agent
 * operations through {@link RecordedAgentOperations}, the spans of the real OpenTelemetry SDK
 * through {@link RecordedSpans}.
 */
@SampleAppTest
class ResearchTraceTests {

	private static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");

	private static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");

	private static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey("gen_ai.agent.name");

	private static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");

	private static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");

	private static final AttributeKey<String> TOOL_CALL_ID = AttributeKey.stringKey("gen_ai.tool.call.id");

	@LocalServerPort
	private int port;

	@Autowired
	private RecordedAgentOperations recorded;

	@Autowired
	private RecordedSpans spans;

	@Autowired
	private SpanThreads spanThreads;

	@Test
	void researchRunPlansSearchesCalculatesAndHasItsClaimCheckedWithinBudget() {
		Map<String, Object> response = research(ResearchApiTests.QUESTION, "conversation-42");
		assertThat(this.recorded).hasAgentRunWithId((String) response.get("runId"));
		// Plan and search, check the claim and compute, answer; the run's own model calls
		// include gpt-4o-mini condensing what each search found
		assertThat(this.recorded).hasAgentRun(ResearchAgent.NAME)
			.withConversationId("conversation-42")
			.withSteps(3)
			.withToolCall(ToolNames.WEB_SEARCH, 2)
			.withToolCall(ToolNames.CALCULATOR, 1)
			.withToolCall(ToolNames.FACT_CHECK, 1)
			.withModelCall("gpt-4o")
			.withModelCall("gpt-4o-mini")
			.withTotalTokensAtLeast(1000)
			.withCostAtMost(0.01)
			.hasNoErrors();
		assertThat(this.recorded).hasAgentRun(FactCheckerAgent.NAME)
			.withConversationId("conversation-42")
			.withSteps(2)
			.withToolCall(ToolNames.WEB_SEARCH, 1)
			.withModelCall("gpt-4o-mini")
			.withCostAtMost(0.001)
			.hasNoErrors();
	}

	@Test
	void researchRunIsOneTraceNestedRunStepModelAndTool() {
		research(ResearchApiTests.QUESTION, null);
		assertThat(this.spans).hasSpanTree("""
				invoke_agent research-agent
				  step 1 research-agent
				    chat gpt-4o
				    execute_tool web_search
				      chat gpt-4o-mini
				    execute_tool web_search
				      chat gpt-4o-mini
				    execute_tool calculator
				  step 2 research-agent
				    chat gpt-4o
				    execute_tool fact_check
				      invoke_agent fact-checker
				        step 1 fact-checker
				          chat gpt-4o-mini
				          execute_tool web_search
				        step 2 fact-checker
				          chat gpt-4o-mini
				    execute_code python
				  step 3 research-agent
				    chat gpt-4o
				""");
	}

	@Test
	void runSpanIsAChildOfTheRequestAndCarriesTheRunAndConversationIds() {
		Map<String, Object> response = research(ResearchApiTests.QUESTION, "conversation-7");
		List<SpanData> trace = awaitTrace((String) response.get("traceId"));
		SpanData server = single(trace, (span) -> span.getKind() == SpanKind.SERVER);
		SpanData run = single(trace, named("invoke_agent research-agent"));
		assertThat(run.getParentSpanId()).isEqualTo(server.getSpanId());
		assertThat(this.spans).hasSpan("invoke_agent research-agent")
			.hasAttribute("gen_ai.operation.name", "invoke_agent")
			.hasAttribute("gen_ai.agent.name", ResearchAgent.NAME)
			.hasAttribute("agent.run.id", response.get("runId"))
			.hasAttribute("gen_ai.conversation.id", "conversation-7")
			.doesNotHaveAttribute("gen_ai.input.messages");
	}

	@Test
	void modelCallSpansCarryProviderModelsAgentAndNumericTokens() {
		research(ResearchApiTests.QUESTION, null);
		assertThat(all(this.spans.spans(), named("chat gpt-4o"))).hasSize(3).allSatisfy((call) -> {
			assertThat(call.getAttributes().get(PROVIDER_NAME)).isEqualTo("openai");
			assertThat(call.getAttributes().get(RESPONSE_MODEL)).isEqualTo("gpt-4o-2024-08-06");
			assertThat(call.getAttributes().get(AGENT_NAME)).isEqualTo(ResearchAgent.NAME);
			assertThat(call.getAttributes().get(INPUT_TOKENS)).isPositive();
			assertThat(call.getAttributes().get(OUTPUT_TOKENS)).isPositive();
		});
	}

	@Test
	void parallelSearchesRunOnTheToolExecutorInsideTheRunsTrace() {
		research(ResearchApiTests.QUESTION, null);
		SpanData firstStep = single(this.spans.spans(), named("step 1 research-agent"));
		List<SpanData> searches = all(this.spans.spans(), (span) -> span.getName().equals("execute_tool web_search")
				&& span.getParentSpanId().equals(firstStep.getSpanId()));
		assertThat(searches).hasSize(2).allSatisfy((search) -> {
			assertThat(this.spanThreads.threadOf(search.getSpanId())).startsWith("tool-");
			assertThat(search.getAttributes().get(AGENT_NAME)).isEqualTo(ResearchAgent.NAME);
			assertThat(search.getAttributes().get(TOOL_CALL_ID)).startsWith("call_");
		});
		List<String> searchIds = searches.stream().map(SpanData::getSpanId).toList();
		assertThat(all(this.spans.spans(), named("chat gpt-4o-mini"))).filteredOn(
				(call) -> searchIds.contains(call.getParentSpanId()))
			.hasSize(2)
			.allSatisfy((call) -> assertThat(this.spanThreads.threadOf(call.getSpanId())).startsWith("tool-"));
	}

	@Test
	void subAgentRunIsARunOfItsOwnInsideTheToolCallThatInvokedIt() {
		research(ResearchApiTests.QUESTION, null);
		assertThat(this.spans).hasSpanTree("""
				execute_tool fact_check
				  invoke_agent fact-checker
				    step 1 fact-checker
				      chat gpt-4o-mini
				      execute_tool web_search
				    step 2 fact-checker
				      chat gpt-4o-mini
				""");
		String researchRunId = this.recorded.operations(AgentOperation.Kind.AGENT_RUN)
			.stream()
			.filter((operation) -> ResearchAgent.NAME.equals(operation.name()))
			.findFirst()
			.orElseThrow()
			.runId();
		assertThat(this.recorded).hasAgentRun(FactCheckerAgent.NAME)
			.satisfies((run) -> assertThat(run.runId()).isNotEqualTo(researchRunId));
		assertThat(this.spans).hasSpan("invoke_agent fact-checker").hasAttribute("gen_ai.agent.name",
				FactCheckerAgent.NAME);
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
	 * The spans of a trace, once its root (the HTTP server span) has ended: it ends after the
	 * response has been sent.
	 */
	private List<SpanData> awaitTrace(String traceId) {
		assertThat(traceId).isNotBlank();
		Predicate<SpanData> inTrace = (span) -> span.getTraceId().equals(traceId);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.spans.spans().stream().anyMatch(inTrace.and((span) -> span.getKind() == SpanKind.SERVER)));
		return all(this.spans.spans(), inTrace);
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
