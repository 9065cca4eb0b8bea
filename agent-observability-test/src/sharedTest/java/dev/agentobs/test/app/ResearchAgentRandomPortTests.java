package dev.agentobs.test.app;

import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import dev.agentobs.test.AutoConfigureAgentObservability;
import dev.agentobs.test.RecordedAgentOperations;
import dev.agentobs.test.RecordedSpans;
import dev.agentobs.test.app.ResearchAgent.Answer;

import static dev.agentobs.test.AgentObservabilityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureAgentObservability @AutoConfigureAgentObservability} in a
 * {@code @SpringBootTest} with a real server, asked over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureAgentObservability
class ResearchAgentRandomPortTests {

	@LocalServerPort
	private int port;

	@Autowired
	private RecordedAgentOperations recorded;

	@Autowired
	private RecordedSpans spans;

	@Test
	void askingOverHttpRecordsTheRunThatAnswered() {
		Answer answer = client().get()
			.uri("/ask?question={question}", "Why is the sky blue?")
			.retrieve()
			.body(Answer.class);
		assertThat(answer).isNotNull();
		assertThat(this.recorded).hasAgentRunWithId(answer.runId())
			.withSteps(3)
			.withToolCall("web_search")
			.withTotalTokensAtLeast(100)
			.withCostAtMost(0.01)
			.hasNoErrors();
	}

	@Test
	void theRunIsTracedInsideTheHttpRequest() {
		client().get().uri("/ask?question={question}", "Why is the sky blue?").retrieve().toBodilessEntity();
		assertThat(this.spans).hasSpanTree("""
				invoke_agent research-agent
				  step 1 research-agent
				    chat gpt-4o
				  step 2 research-agent
				    execute_tool web_search
				  step 3 research-agent
				    chat gpt-4o
				""");
		SpanData run = this.spans.spans()
			.stream()
			.filter((span) -> span.getName().equals("invoke_agent research-agent"))
			.findFirst()
			.orElseThrow();
		assertThat(run.getParentSpanContext().isValid()).as("the HTTP request's span is the run's parent").isTrue();
	}

	@Test
	void theRunReachesPrometheusBecauseMetricsExportStaysOn() {
		client().get().uri("/ask?question={question}", "Why is the sky blue?").retrieve().toBodilessEntity();
		String scrape = client().get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(scrape).contains(
				"gen_ai_invoke_agent_duration_seconds_count{error_type=\"none\",gen_ai_agent_name=\"research-agent\"}");
	}

	private RestClient client() {
		return RestClient.create("http://localhost:" + this.port);
	}

}
