package dev.agentobs.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code monitoring.enabled=false} the agents still answer, unobserved.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "monitoring.enabled=false", "sample.traffic.rate=0", "sample.llm.latency=0ms",
				"sample.llm.failure-rate=0" })
// Spring Boot leaves Prometheus out of tests unless told: the scrape is what is asserted here
@AutoConfigureMetrics
class MonitoringDisabledTests {

	@LocalServerPort
	private int port;

	@Test
	void researchAnswersWithoutAgentMetrics() {
		RestClient client = RestClient.create("http://localhost:" + this.port);
		ResponseEntity<Map<String, Object>> response = client.post()
			.uri("/api/research")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"question\": \"" + ResearchApiTests.QUESTION + "\"}")
			.retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((String) response.getBody().get("answer")).contains("(1200 - 300) * 4 = 3600");
		assertThat(response.getBody().get("runId")).isNull();
		String scrape = client.get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(scrape).doesNotContain("gen_ai_").doesNotContain("agent_");
	}

}
