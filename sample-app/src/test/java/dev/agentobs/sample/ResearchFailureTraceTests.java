package dev.agentobs.sample;

import java.util.List;
import java.util.Map;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import dev.agentobs.operation.AgentOperation;
import dev.agentobs.sample.agent.ResearchAgent;
import dev.agentobs.sample.llm.ModelTimeoutException;
import dev.agentobs.sample.llm.RateLimitException;
import dev.agentobs.test.RecordedAgentOperations;
import dev.agentobs.test.RecordedSpans;

import static dev.agentobs.test.AgentObservabilityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A research run whose model provider fails every call: what the client gets and what the
 * trace shows.
 */
@SampleAppTest
@TestPropertySource(properties = "sample.llm.failure-rate=1.0")
class ResearchFailureTraceTests {

	private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

	private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");

	private static final List<String> MODEL_ERRORS = List.of(ModelTimeoutException.class.getName(),
			RateLimitException.class.getName());

	@LocalServerPort
	private int port;

	@Autowired
	private RecordedAgentOperations recorded;

	@Autowired
	private RecordedSpans spans;

	@Test
	void failingProviderAnswersServiceUnavailableWithTheRunAndTraceIds() {
		ResponseEntity<Map<String, Object>> response = new ResearchClient(this.port).ask(ResearchApiTests.QUESTION);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getBody()).containsEntry("title", "Research failed");
		assertThat((String) response.getBody().get("detail")).startsWith("The model provider failed: ");
		assertThat((String) response.getBody().get("runId")).matches("[0-9a-f-]{36}");
		assertThat((String) response.getBody().get("traceId")).matches("[0-9a-f]{32}");
	}

	@Test
	void failedRunIsRecordedWithTheProvidersErrorAndBothAttempts() {
		new ResearchClient(this.port).ask(ResearchApiTests.QUESTION);
		assertThat(this.recorded).hasAgentRun(ResearchAgent.NAME)
			.withSteps(1)
			.withModelCall("gpt-4o")
			.satisfies((run) -> {
				assertThat(run.failed()).isTrue();
				assertThat(run.errorType()).isIn(MODEL_ERRORS);
			});
		// The first attempt and its one retry
		assertThat(this.recorded.operations(AgentOperation.Kind.MODEL_CALL)).hasSize(2)
			.allSatisfy((call) -> assertThat(call.errorType()).isIn(MODEL_ERRORS));
	}

	@Test
	void failedModelCallSpansHaveTheErrorTypeAndTheException() {
		new ResearchClient(this.port).ask(ResearchApiTests.QUESTION);
		List<SpanData> modelCalls = this.spans.spans()
			.stream()
			.filter((span) -> span.getName().equals("chat gpt-4o"))
			.toList();
		assertThat(modelCalls).hasSize(2).allSatisfy((call) -> {
			assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
			assertThat(call.getAttributes().get(ERROR_TYPE)).isIn(MODEL_ERRORS);
			assertThat(call.getEvents()).filteredOn((event) -> event.getName().equals("exception"))
				.singleElement()
				.satisfies((event) -> assertThat(event.getAttributes().get(EXCEPTION_TYPE))
					.isEqualTo(call.getAttributes().get(ERROR_TYPE)));
		});
		SpanData run = this.spans.spans()
			.stream()
			.filter((span) -> span.getName().equals("invoke_agent research-agent"))
			.findFirst()
			.orElseThrow();
		assertThat(run.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(run.getAttributes().get(ERROR_TYPE)).isIn(MODEL_ERRORS);
	}

}
