package dev.agentobs.sample.springai;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import dev.agentobs.operation.AgentOperation;
import dev.agentobs.sample.ResearchStreams;
import dev.agentobs.sample.SampleProfiles;
import dev.agentobs.sample.agent.FactCheckerAgent;
import dev.agentobs.sample.agent.ResearchAgent;
import dev.agentobs.sample.tool.ToolNames;
import dev.agentobs.test.AutoConfigureAgentObservability;
import dev.agentobs.test.RecordedAgentOperations;
import dev.agentobs.test.RecordedSpans;

import static dev.agentobs.test.AgentObservabilityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with {@code --spring.profiles.active=spring-ai}: the research agent on Spring
 * AI's {@code ChatClient} and real OpenAI client, talking over HTTP to the simulated OpenAI
 * server, and what the starter's bridge makes of it with no observation code in the agent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.traffic.rate=0", "sample.llm.latency=0ms", "sample.llm.failure-rate=0" })
@ActiveProfiles(SampleProfiles.SPRING_AI)
@AutoConfigureAgentObservability
class SpringAiProfileTests {

	private static final String QUESTION = "How much is (1200 - 300) * 4, and what is the vector database market worth?";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
			new ParameterizedTypeReference<>() {
			};

	@LocalServerPort
	private int port;

	@Autowired
	private RecordedAgentOperations recorded;

	@Autowired
	private RecordedSpans spans;

	private RestClient client;

	@BeforeEach
	void createClient() {
		this.client = RestClient.builder().baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
				// Tests assert on every status themselves
			})
			.build();
	}

	@Test
	void researchAnswersThroughSpringAiAndTheSimulatedOpenAiServer() {
		ResponseEntity<Map<String, Object>> response = research("conversation-9");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((String) response.getBody().get("answer")).contains("(1200 - 300) * 4 = 3600")
			.contains("vector database market")
			.contains("Fact check: supported");
		assertThat((String) response.getBody().get("traceId")).matches("[0-9a-f]{32}");
	}

	@Test
	void prometheusShowsTheBridgedRunModelCallsTokensCostAndTools() {
		assertThat(research(null).getStatusCode()).isEqualTo(HttpStatus.OK);
		String scrape = this.client.get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertSeries(scrape, "gen_ai_invoke_agent_duration_seconds_count", "error_type=\"none\"",
				"gen_ai_agent_name=\"research-agent\"");
		assertSeries(scrape, "gen_ai_invoke_agent_duration_seconds_count", "gen_ai_agent_name=\"fact-checker\"");
		assertSeries(scrape, "gen_ai_client_operation_duration_seconds_bucket", "error_type=\"none\"",
				"gen_ai_operation_name=\"chat\"", "gen_ai_provider_name=\"openai\"", "gen_ai_request_model=\"gpt-4o\"",
				"le=\"81.92\"");
		assertSeries(scrape, "gen_ai_client_operation_duration_seconds_count", "gen_ai_provider_name=\"openai\"",
				"gen_ai_request_model=\"gpt-4o-mini\"");
		assertSeries(scrape, "gen_ai_client_token_usage_tokens_sum", "gen_ai_provider_name=\"openai\"",
				"gen_ai_request_model=\"gpt-4o\"", "gen_ai_token_type=\"input\"");
		assertSeries(scrape, "gen_ai_client_token_usage_tokens_sum", "gen_ai_request_model=\"gpt-4o\"",
				"gen_ai_token_type=\"output\"");
		assertSeries(scrape, "gen_ai_execute_tool_duration_seconds_count", "error_type=\"none\"",
				"gen_ai_agent_name=\"research-agent\"", "gen_ai_tool_name=\"calculator\"",
				"gen_ai_tool_type=\"function\"");
		assertSeries(scrape, "gen_ai_execute_tool_duration_seconds_count", "gen_ai_agent_name=\"research-agent\"",
				"gen_ai_tool_name=\"web_search\"");
		assertSeries(scrape, "gen_ai_execute_tool_duration_seconds_count", "gen_ai_agent_name=\"fact-checker\"",
				"gen_ai_tool_name=\"web_search\"");
		assertSeries(scrape, "gen_ai_client_cost_usd_total", "gen_ai_agent_name=\"research-agent\"",
				"gen_ai_provider_name=\"openai\"", "gen_ai_request_model=\"gpt-4o\"");
		assertThat(value(scrape, "gen_ai_client_token_usage_tokens_sum", "gen_ai_request_model=\"gpt-4o\"",
				"gen_ai_token_type=\"input\"")).isPositive();
		assertThat(value(scrape, "gen_ai_client_cost_usd_total", "gen_ai_agent_name=\"research-agent\"",
				"gen_ai_request_model=\"gpt-4o\"")).isPositive();
	}

	@Test
	void bridgedRunsHoldTheirToolAndModelCalls() {
		assertThat(research("conversation-10").getStatusCode()).isEqualTo(HttpStatus.OK);
		// Spring AI runs the loop: no steps, three planner calls, the tools in between
		assertThat(this.recorded).hasAgentRun(ResearchAgent.NAME)
			.withConversationId("conversation-10")
			.withToolCall(ToolNames.WEB_SEARCH, 2)
			.withToolCall(ToolNames.CALCULATOR, 1)
			.withToolCall(ToolNames.FACT_CHECK, 1)
			.withModelCall("gpt-4o")
			.withTotalTokensAtLeast(1000)
			.withCostAtMost(0.01)
			.hasNoErrors();
		// The fact checker's ChatClient call, inside the fact_check tool, is a run of its own
		assertThat(this.recorded).hasAgentRun(FactCheckerAgent.NAME)
			.withConversationId("conversation-10")
			.withToolCall(ToolNames.WEB_SEARCH, 1)
			.withModelCall("gpt-4o-mini")
			.hasNoErrors();
	}

	@Test
	void eachModelCallHasOneSpanSpringAiMade() {
		assertThat(research(null).getStatusCode()).isEqualTo(HttpStatus.OK);
		List<AgentOperation> modelCalls = this.recorded.operations(AgentOperation.Kind.MODEL_CALL);
		assertThat(modelCalls).hasSize(5);
		assertThat(this.spans.spans()).filteredOn((span) -> span.getName().startsWith("chat gpt-4o"))
			.hasSameSizeAs(modelCalls);
	}

	@Test
	void streamedResearchIsTimedToItsFirstChunkWithNoObservationCode() throws Exception {
		ResearchStreams.Stream stream = ResearchStreams.ask(this.port, QUESTION);
		assertThat(stream.status()).isEqualTo(200);
		assertThat(stream.answer()).contains("(1200 - 300) * 4 = 3600").contains("Fact check: supported");
		assertThat(stream.last().name()).isEqualTo("done");
		String scrape = this.client.get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(value(scrape, "gen_ai_client_operation_time_to_first_chunk_seconds_count", "error_type=\"none\"",
				"gen_ai_request_model=\"gpt-4o\"")).isPositive();
		// The simulated server reports cache reads and reasoning as OpenAI does
		assertSeries(scrape, "agent_token_usage_detail_tokens_total", "gen_ai_request_model=\"gpt-4o\"");
	}

	private ResponseEntity<Map<String, Object>> research(String conversationId) {
		String body = (conversationId != null)
				? "{\"question\": \"" + QUESTION + "\", \"conversationId\": \"" + conversationId + "\"}"
				: "{\"question\": \"" + QUESTION + "\"}";
		return this.client.post()
			.uri("/api/research")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JSON_OBJECT);
	}

	private static void assertSeries(String scrape, String name, String... labels) {
		assertThat(series(scrape, name, labels)).as("series %s with labels %s", name, Arrays.toString(labels))
			.isNotEmpty();
	}

	private static double value(String scrape, String name, String... labels) {
		List<String> series = series(scrape, name, labels);
		assertThat(series).as("series %s with labels %s", name, Arrays.toString(labels)).hasSize(1);
		String line = series.get(0);
		return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
	}

	private static List<String> series(String scrape, String name, String... labels) {
		return scrape.lines()
			.filter((line) -> line.startsWith(name + "{"))
			.filter((line) -> Arrays.stream(labels).allMatch(line::contains))
			.toList();
	}

}
