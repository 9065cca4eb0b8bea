package dev.agentobs.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code json} profile: every agent event is one line of ECS JSON with the trace id, span
 * id and agent run id of its operation, as a log shipper reads it.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonProfileTests {

	private static final String AGENT_LOG_EVENTS = "\"logger\":\"dev.agentobs.logging.AgentLogEvents\"";

	@Test
	void agentEventsAreJsonLinesWithTraceSpanAndRunIds(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.profiles("json")
			.run("--server.port=0", "--server.address=127.0.0.1", "--sample.traffic.rate=0",
					"--sample.llm.latency=0ms", "--sample.llm.failure-rate=0")) {
			String port = context.getEnvironment().getProperty("local.server.port");
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/research"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"What is (1200 - 300) * 4?\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			String runId = JsonPath.read(response.body(), "$.runId");
			String traceId = JsonPath.read(response.body(), "$.traceId");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(eventsOf(output, runId)).anySatisfy((event) -> assertThat(
						(String) JsonPath.read(event, "$.message")).startsWith("Agent run research-agent finished")));
			List<Map<String, Object>> events = eventsOf(output, runId);
			assertThat(events).hasSizeGreaterThanOrEqualTo(2)
				.anySatisfy((event) -> assertThat((String) JsonPath.read(event, "$.message")).startsWith("Model call"));
			assertThat(events).allSatisfy((event) -> {
				assertThat((String) JsonPath.read(event, "$.traceId")).isEqualTo(traceId);
				assertThat((String) JsonPath.read(event, "$.spanId")).matches("[0-9a-f]{16}");
				assertThat((String) JsonPath.read(event, "$.gen_ai.operation.name")).isNotBlank();
				assertThat(JsonPath.<Object>read(event, "$.event.duration")).isNotNull();
			});
			assertThat(events).extracting((event) -> JsonPath.<String>read(event, "$.spanId")).doesNotHaveDuplicates();
			assertThat(output).doesNotContain("failed to append");
		}
	}

	/**
	 * Every line of AgentLogEvents must be one whole JSON object; those of the given run.
	 */
	private static List<Map<String, Object>> eventsOf(CapturedOutput output, String runId) {
		return output.getOut()
			.lines()
			.filter((line) -> line.contains(AGENT_LOG_EVENTS))
			.map((line) -> JsonPath.parse(line).<Map<String, Object>>read("$"))
			.filter((event) -> runId.equals(JsonPath.read(event, "$.agent.run.id")))
			.toList();
	}

}
