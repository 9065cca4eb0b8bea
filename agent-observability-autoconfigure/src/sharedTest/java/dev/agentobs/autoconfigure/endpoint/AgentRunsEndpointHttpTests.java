package dev.agentobs.autoconfigure.endpoint;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.LoopbackHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/agentruns} over real HTTP: the list with its filters and orders, and one run
 * as a tree.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=agentruns", "monitoring.logging.events=false",
				"monitoring.cost.models.gpt-4o.input=2.50", "monitoring.cost.models.gpt-4o.output=10.00",
				// Spring AI's OpenAI and Anthropic clients are on the test class path for the bridge tests
				"spring.ai.openai.api-key=unused", "spring.ai.anthropic.api-key=unused" })
@DirtiesContext
class AgentRunsEndpointHttpTests {

	@LocalServerPort
	private int port;

	@Autowired
	private AgentObservations observations;

	private String cheapRun;

	private String costlyRun;

	private String failedRun;

	@BeforeEach
	void recordThreeRuns() {
		this.cheapRun = this.observations.agent("research-agent").observe((run) -> {
			this.observations.step(1).observe(() -> {
				this.observations.model("openai", "gpt-4o").observe((call) -> call.tokens(1000, 100));
				return this.observations.tool("web_search").observe(() -> "results");
			});
			return run.runId();
		});
		this.costlyRun = this.observations.agent("research-agent").observe((run) -> {
			this.observations.model("openai", "gpt-4o").observe((call) -> call.tokens(1_000_000, 1000));
			sleep(30);
			return run.runId();
		});
		String[] failed = new String[1];
		try {
			this.observations.agent("support-agent").observe((run) -> {
				failed[0] = run.runId();
				throw new IllegalStateException("provider said no to key sk-proj-a1b2c3d4e5f6g7h8i9j0");
			});
		}
		catch (IllegalStateException ex) {
			this.failedRun = failed[0];
		}
	}

	@Test
	void listsTheRunsNewestFirst() throws Exception {
		String body = runs("");
		List<String> ids = JsonPath.read(body, "$.runs[*].runId");
		assertThat(ids).containsSubsequence(this.failedRun, this.costlyRun, this.cheapRun);
		assertThat(JsonPath.<Integer>read(body, "$.maxRuns")).isEqualTo(100);
		assertThat(JsonPath.<String>read(body, "$.order")).isEqualTo("recent");
		assertThat(JsonPath.<List<String>>read(body, "$.runs[?(@.runId == '" + this.cheapRun + "')].agent"))
			.containsExactly("research-agent");
		assertThat(JsonPath.<List<Integer>>read(body, "$.runs[?(@.runId == '" + this.cheapRun + "')].operations"))
			.containsExactly(3);
		assertThat(JsonPath.<List<Double>>read(body, "$.runs[?(@.runId == '" + this.cheapRun + "')].cost"))
			.containsExactly(0.0035);
	}

	@Test
	void filtersByAgentAndFailureAndSortsBySlownessAndCost() throws Exception {
		assertThat(JsonPath.<List<String>>read(runs("?agent=support-agent"), "$.runs[*].agent")).isNotEmpty()
			.containsOnly("support-agent");
		assertThat(JsonPath.<List<Boolean>>read(runs("?failed=true"), "$.runs[*].failed"))
			.isNotEmpty().containsOnly(true);
		assertThat(JsonPath.<String>read(runs("?sort=costliest&limit=1"), "$.runs[0].runId"))
			.isEqualTo(this.costlyRun);
		// A costly run (one is recorded before each test) took 30 ms, the others next to nothing
		List<String> slowest = JsonPath.read(runs("?sort=slowest&limit=1"), "$.runs[*].duration");
		assertThat(slowest).singleElement()
			.satisfies((duration) -> assertThat(Duration.parse(duration)).isGreaterThanOrEqualTo(Duration.ofMillis(30)));
		HttpResponse<String> wrongOrder = LoopbackHttp.get(this.port, "/actuator/agentruns?sort=cheapest");
		assertThat(wrongOrder.statusCode()).isEqualTo(400);
		assertThat(LoopbackHttp.get(this.port, "/actuator/agentruns?limit=0").statusCode()).isEqualTo(400);
	}

	@Test
	void oneRunIsItsTree() throws Exception {
		HttpResponse<String> response = LoopbackHttp.get(this.port, "/actuator/agentruns/" + this.cheapRun);
		assertThat(response.statusCode()).isEqualTo(200);
		String body = response.body();
		assertThat(JsonPath.<String>read(body, "$.run.runId")).isEqualTo(this.cheapRun);
		assertThat(JsonPath.<String>read(body, "$.tree.kind")).isEqualTo("agent_run");
		assertThat(JsonPath.<String>read(body, "$.tree.startOffset")).isEqualTo("PT0S");
		assertThat(JsonPath.<String>read(body, "$.tree.children[0].kind")).isEqualTo("agent_step");
		assertThat(JsonPath.<Integer>read(body, "$.tree.children[0].step")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(body, "$.tree.children[0].inputTokens")).isEqualTo(1000);
		assertThat(JsonPath.<String>read(body, "$.tree.children[0].children[0].kind")).isEqualTo("model_call");
		assertThat(JsonPath.<String>read(body, "$.tree.children[0].children[0].provider")).isEqualTo("openai");
		assertThat(JsonPath.<Double>read(body, "$.tree.children[0].children[0].cost")).isEqualTo(0.0035);
		assertThat(JsonPath.<String>read(body, "$.tree.children[0].children[1].name")).isEqualTo("web_search");
		assertThat(JsonPath.<String>read(body, "$.tree.children[0].children[1].toolType")).isEqualTo("function");
		assertThat(JsonPath.<List<Object>>read(body, "$.tree.children[0].children[1].children")).isEmpty();
	}

	@Test
	void failedRunShowsItsMaskedMessage() throws Exception {
		String body = LoopbackHttp.get(this.port, "/actuator/agentruns/" + this.failedRun).body();
		assertThat(JsonPath.<Boolean>read(body, "$.run.failed")).isTrue();
		assertThat(JsonPath.<String>read(body, "$.tree.errorType")).isEqualTo("java.lang.IllegalStateException");
		assertThat(JsonPath.<String>read(body, "$.tree.errorMessage")).isEqualTo("provider said no to key ****");
	}

	@Test
	void unknownRunIsNotFound() throws Exception {
		assertThat(LoopbackHttp.get(this.port, "/actuator/agentruns/no-such-run").statusCode()).isEqualTo(404);
	}

	/**
	 * The body of {@code /actuator/agentruns} with a query.
	 */
	private String runs(String query) {
		return LoopbackHttp.get(this.port, "/actuator/agentruns" + query).body();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
