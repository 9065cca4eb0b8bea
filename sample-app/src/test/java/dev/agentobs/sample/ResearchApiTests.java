package dev.agentobs.sample;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import dev.agentobs.sample.agent.ResearchAgent;
import dev.agentobs.test.RecordedAgentOperations;

import static dev.agentobs.test.AgentObservabilityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The research API and the actuator endpoints over real HTTP, as a client and Prometheus see
 * them. What the agents did is asserted in {@link ResearchTraceTests}.
 */
@SampleAppTest
class ResearchApiTests {

	static final String QUESTION = "How much is (1200 - 300) * 4, and what is the vector database market worth?";

	@LocalServerPort
	private int port;

	@Autowired
	private RecordedAgentOperations recorded;

	private ResearchClient research;

	private RestClient client;

	@BeforeEach
	void createClient() {
		this.research = new ResearchClient(this.port);
		this.client = this.research.rest();
	}

	@Test
	void researchAnswersWithTheAnswerTheRunIdAndTheTraceId() {
		ResponseEntity<Map<String, Object>> response = this.research.ask(QUESTION);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).containsOnlyKeys("answer", "runId", "traceId");
		assertThat((String) response.getBody().get("answer")).contains("(1200 - 300) * 4 = 3600")
			.contains("vector database market");
		assertThat((String) response.getBody().get("traceId")).matches("[0-9a-f]{32}");
		// The run id the client gets is the one of the run the starter recorded
		assertThat(this.recorded).hasAgentRunWithId((String) response.getBody().get("runId"))
			.satisfies((run) -> assertThat(run.name()).isEqualTo(ResearchAgent.NAME))
			.hasNoErrors();
	}

	@Test
	void streamedResearchSendsTheAnswerChunkByChunkThenTheRunAndItsTimeToFirstChunk() throws Exception {
		String blocking = (String) this.research.ask(QUESTION).getBody().get("answer");
		ResearchStreams.Stream stream = ResearchStreams.ask(this.port, QUESTION);
		assertThat(stream.status()).isEqualTo(200);
		// Word by word, the same answer as the blocking API's
		assertThat(stream.events()).filteredOn((event) -> event.name().equals("chunk")).hasSizeGreaterThan(10);
		assertThat(stream.answer()).isEqualTo(blocking);
		assertThat(stream.last().name()).isEqualTo("done");
		String runId = stream.last().data().get("runId").asString();
		assertThat(stream.last().data().get("traceId").asString()).matches("[0-9a-f]{32}");
		assertThat(this.recorded).hasAgentRunWithId(runId).hasNoErrors();
		String scrape = this.client.get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(scrape).containsPattern("gen_ai_client_operation_time_to_first_chunk_seconds_count\\{error_type=\"none\","
				+ "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} [1-9]");
	}

	@Test
	void streamedResearchWithoutAQuestionIsABadRequest() throws Exception {
		assertThat(ResearchStreams.ask(this.port, " ").status()).isEqualTo(400);
	}

	@Test
	void researchWithABlankQuestionIsABadRequestNamingTheField() {
		ResponseEntity<Map<String, Object>> response = this.research.post("{\"question\": \"   \"}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("detail", "question must not be blank")
			.containsEntry("errors", List.of(Map.of("field", "question", "message", "question must not be blank")));
		assertThat(this.recorded).hasNoAgentRun(ResearchAgent.NAME);
	}

	@Test
	void researchWithNoQuestionIsABadRequest() {
		ResponseEntity<Map<String, Object>> response = this.research.post("{}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("detail", "question must not be blank");
	}

	@Test
	void researchWithAnOverLongQuestionIsABadRequest() {
		ResponseEntity<Map<String, Object>> response = this.research.post("{\"question\": \"" + "a".repeat(1001) + "\"}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("detail", "question must be at most 1000 characters");
	}

	@Test
	void researchWithABodyThatIsNotJsonIsABadRequestShowingTheExpectedBody() {
		ResponseEntity<Map<String, Object>> response = this.research.post("question=why");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) response.getBody().get("detail")).contains("{\"question\": ");
	}

	@Test
	void prometheusShowsEveryAgentFamilyWithItsLabels() {
		assertThat(this.research.ask(QUESTION).getStatusCode()).isEqualTo(HttpStatus.OK);
		String scrape = this.client.get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertSeries(scrape, "gen_ai_client_operation_duration_seconds_bucket", "error_type=\"none\"",
				"gen_ai_operation_name=\"chat\"", "gen_ai_provider_name=\"openai\"", "gen_ai_request_model=\"gpt-4o\"",
				"le=\"81.92\"");
		assertSeries(scrape, "gen_ai_client_operation_duration_seconds_count", "gen_ai_request_model=\"gpt-4o-mini\"");
		assertSeries(scrape, "gen_ai_client_token_usage_tokens_bucket", "gen_ai_provider_name=\"openai\"",
				"gen_ai_request_model=\"gpt-4o\"", "gen_ai_token_type=\"input\"");
		assertSeries(scrape, "gen_ai_client_token_usage_tokens_count", "gen_ai_request_model=\"gpt-4o\"",
				"gen_ai_token_type=\"output\"");
		assertSeries(scrape, "gen_ai_invoke_agent_duration_seconds_bucket", "error_type=\"none\"",
				"gen_ai_agent_name=\"research-agent\"");
		assertSeries(scrape, "gen_ai_invoke_agent_duration_seconds_count", "gen_ai_agent_name=\"fact-checker\"");
		assertSeries(scrape, "gen_ai_execute_tool_duration_seconds_bucket", "error_type=\"none\"",
				"gen_ai_agent_name=\"research-agent\"", "gen_ai_tool_name=\"web_search\"",
				"gen_ai_tool_type=\"function\"");
		assertSeries(scrape, "gen_ai_execute_tool_duration_seconds_count", "gen_ai_tool_name=\"calculator\"");
		assertSeries(scrape, "gen_ai_execute_tool_duration_seconds_count", "gen_ai_agent_name=\"fact-checker\"",
				"gen_ai_tool_name=\"web_search\"");
		assertSeries(scrape, "agent_step_duration_seconds_count", "error_type=\"none\"",
				"gen_ai_agent_name=\"research-agent\"");
		assertSeries(scrape, "agent_code_execution_duration_seconds_count", "error_type=\"none\"",
				"language=\"python\"");
		assertSeries(scrape, "agent_active_runs", "gen_ai_agent_name=\"research-agent\"");
	}

	@Test
	void prometheusHasNoSecondTimerOfAgentObservations() {
		assertThat(this.research.ask(QUESTION).getStatusCode()).isEqualTo(HttpStatus.OK);
		String scrape = this.client.get().uri("/actuator/prometheus").retrieve().body(String.class);
		// What Spring Boot's default meter handler would add, named after the observations
		for (String observation : List.of("gen_ai_client_operation", "gen_ai_invoke_agent", "gen_ai_execute_tool",
				"agent_step", "agent_code_execution")) {
			assertThat(scrape).doesNotContain(observation + "_seconds").doesNotContain(observation + "_active_seconds");
		}
	}

	@Test
	void healthIsUpWithDetailsAndProbes() {
		ResponseEntity<Map<String, Object>> health = this.client.get()
			.uri("/actuator/health")
			.retrieve()
			.toEntity(ResearchClient.JSON_OBJECT);
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody()).containsEntry("status", "UP").containsKey("components");
		assertThat(this.client.get().uri("/actuator/health/liveness").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(this.client.get().uri("/actuator/health/readiness").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	@SuppressWarnings("unchecked")
	void infoShowsTheEventsTheSampleListenerCounted() {
		assertThat(this.research.ask(QUESTION).getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> info = this.client.get().uri("/actuator/info").retrieve().body(ResearchClient.JSON_OBJECT);
		Map<String, Map<String, Number>> events = (Map<String, Map<String, Number>>) info.get("agentEvents");
		assertThat(events).containsKeys("agent.run", "agent.step", "model.generate", "tool.call", "executor.execute");
		assertThat(events.get("model.generate").get("count").longValue()).isPositive();
	}

	private static void assertSeries(String scrape, String name, String... labels) {
		List<String> series = scrape.lines()
			.filter((line) -> line.startsWith(name + "{"))
			.filter((line) -> Arrays.stream(labels).allMatch(line::contains))
			.toList();
		assertThat(series).as("series %s with labels %s", name, Arrays.toString(labels)).isNotEmpty();
	}

}
