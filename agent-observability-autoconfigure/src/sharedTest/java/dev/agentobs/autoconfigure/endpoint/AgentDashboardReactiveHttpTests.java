package dev.agentobs.autoconfigure.endpoint;

import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.reactive.DispatcherHandler;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.LoopbackHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/agentdashboard} in a reactive application (Spring WebFlux, on either
 * generation), at a path of its own: the page links its style sheet and script relative to
 * wherever the endpoint is mapped.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive",
				"management.endpoints.web.exposure.include=agentdashboard",
				"management.endpoints.web.path-mapping.agentdashboard=ui/agents", "monitoring.logging.events=false",
				// Spring AI's OpenAI and Anthropic clients are on the test class path for the bridge tests
				"spring.ai.openai.api-key=unused", "spring.ai.anthropic.api-key=unused" })
@DirtiesContext
class AgentDashboardReactiveHttpTests {

	@LocalServerPort
	private int port;

	@Autowired
	private AgentObservations observations;

	@Autowired
	private ApplicationContext context;

	@Test
	void pageJsonAndFilesAreServedByWebFluxAtTheMappedPath() throws Exception {
		assertThat(this.context.getBeanNamesForType(DispatcherHandler.class)).isNotEmpty();
		this.observations.agent("<b>research-agent</b>").observe(() -> "done");
		HttpResponse<String> page = LoopbackHttp.get(this.port, "/actuator/ui/agents", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("<link rel=\"stylesheet\" href=\"agents/dashboard.css\">")
			.contains("<script src=\"agents/dashboard.js\" defer></script>")
			.contains("<th scope=\"row\">&lt;b&gt;research-agent&lt;/b&gt;</th>");
		HttpResponse<String> script = LoopbackHttp.get(this.port, "/actuator/ui/agents/dashboard.js", "*/*");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/javascript"));
		HttpResponse<String> json = LoopbackHttp.get(this.port, "/actuator/ui/agents", "application/json");
		assertThat(JsonPath.<String>read(json.body(), "$.runs.runs[0].agent")).isEqualTo("<b>research-agent</b>");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
