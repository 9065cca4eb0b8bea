package dev.agentobs.autoconfigure.endpoint;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

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
 * {@code /actuator/agentdashboard} over real HTTP: the page for a browser, the same as JSON for
 * its refreshes, its style sheet and script, and names chosen by a model shown as text.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=agentdashboard", "monitoring.logging.events=false",
				"monitoring.cost.models.gpt-4o.input=2.50", "monitoring.cost.models.gpt-4o.output=10.00",
				// Spring AI's OpenAI and Anthropic clients are on the test class path for the bridge tests
				"spring.ai.openai.api-key=unused", "spring.ai.anthropic.api-key=unused" })
@DirtiesContext
class AgentDashboardEndpointHttpTests {

	static final String HOSTILE_AGENT = "<script>document.title='owned'</script>";

	@LocalServerPort
	private int port;

	@Autowired
	private AgentObservations observations;

	private String runId;

	@BeforeEach
	void recordARunWithASubAgent() {
		this.runId = this.observations.agent("research-agent").observe((run) -> {
			this.observations.step(1).observe(() -> {
				this.observations.model("openai", "gpt-4o").observe((call) -> call.tokens(1000, 100));
				return this.observations.tool("fact_check")
					.observe(() -> this.observations.agent("fact-checker").observe(() -> "checked"));
			});
			return run.runId();
		});
		this.observations.agent(HOSTILE_AGENT).observe(() -> "done");
	}

	@Test
	void pageForABrowserShowsTheAgentsAndTheRuns() throws Exception {
		HttpResponse<String> response = LoopbackHttp.get(this.port, "/actuator/agentdashboard",
				"text/html,application/xhtml+xml,*/*;q=0.8");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).startsWith("<!DOCTYPE html>")
			.contains("<link rel=\"stylesheet\" href=\"agentdashboard/dashboard.css\">")
			.contains("<th scope=\"row\">research-agent</th>")
			.contains("<th scope=\"row\">gpt-4o</th>")
			.contains("data-run-id=\"" + this.runId + "\">research-agent</a>");
	}

	@Test
	void hostileAgentNameIsShownAsText() throws Exception {
		String page = LoopbackHttp.get(this.port, "/actuator/agentdashboard", "text/html").body();
		assertThat(page).contains("&lt;script&gt;document.title=&#39;owned&#39;&lt;/script&gt;")
			.doesNotContain(HOSTILE_AGENT);
		String json = LoopbackHttp.get(this.port, "/actuator/agentdashboard", "application/json").body();
		assertThat(JsonPath.<Object>read(json, "$.statistics.agents['" + HOSTILE_AGENT.replace("'", "\\'") + "']"))
			.isNotNull();
	}

	@Test
	void openedRunIsAWaterfallOfItsTree() throws Exception {
		String page = LoopbackHttp.get(this.port, "/actuator/agentdashboard?run=" + URLEncoder.encode(this.runId,
				StandardCharsets.UTF_8),
				"text/html").body();
		assertThat(page).contains("<h2 id=\"run-title\">Run of <span class=\"name\">research-agent</span></h2>")
			.containsPattern("(?s)<li data-kind=\"tool_call\" data-depth=\"2\">.*fact_check.*"
					+ "<li data-kind=\"agent_run\" data-depth=\"3\">.*fact-checker");
	}

	@Test
	void sameDashboardIsJsonForTheRefreshes() throws Exception {
		HttpResponse<String> response = LoopbackHttp.get(this.port, "/actuator/agentdashboard?run=" + this.runId,
				"application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		String json = response.body();
		assertThat(JsonPath.<String>read(json, "$.status")).isEqualTo("UP");
		assertThat(JsonPath.<Integer>read(json, "$.statistics.agents.research-agent.window.requests"))
			.isGreaterThanOrEqualTo(1);
		assertThat(JsonPath.<String>read(json, "$.run.tree.children[0].kind")).isEqualTo("agent_step");
		assertThat(JsonPath.<String>read(json, "$.runs.order")).isEqualTo("recent");
	}

	@Test
	void styleSheetAndScriptHaveTheirMediaTypes() throws Exception {
		HttpResponse<String> css = LoopbackHttp.get(this.port, "/actuator/agentdashboard/dashboard.css",
				"text/css,*/*;q=0.1");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/css"));
		assertThat(css.body()).contains("prefers-color-scheme");
		HttpResponse<String> script = LoopbackHttp.get(this.port, "/actuator/agentdashboard/dashboard.js", "*/*");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(LoopbackHttp.get(this.port, "/actuator/agentdashboard/secrets.txt",
				"*/*").statusCode()).isEqualTo(404);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
