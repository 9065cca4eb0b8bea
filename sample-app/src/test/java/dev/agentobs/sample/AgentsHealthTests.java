package dev.agentobs.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

import dev.agentobs.sample.agent.FactCheckerAgent;
import dev.agentobs.sample.agent.ResearchAgent;
import dev.agentobs.sample.llm.ModelTimeoutException;
import dev.agentobs.sample.llm.RateLimitException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/health/agents} and {@code /actuator/agents} as a newcomer sees them: the
 * sample started as it ships, its background traffic feeding the statistics, with a model
 * provider that fails most calls and with one that never fails. The traffic runs faster than
 * by default, on a model that answers at once, so that the window holds enough requests to
 * judge ({@code monitoring.health.min-requests}) within a second or two.
 */
class AgentsHealthTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
			new ParameterizedTypeReference<>() {
			};

	private static final Duration STARTUP_AND_TRAFFIC = Duration.ofSeconds(30);

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "sample.llm.failure-rate=0.7", "sample.llm.latency=0ms", "sample.traffic.rate=20" })
	// Stops the background traffic when the class is done, rather than when every test is
	@DirtiesContext
	class FailingModelProvider {

		@LocalServerPort
		private int port;

		private RestClient client;

		@BeforeEach
		void createClient() {
			this.client = client(this.port);
		}

		@Test
		@SuppressWarnings("unchecked")
		void agentsTurnDegradedOrDownListingTheErrorsWhileLivenessStaysUp() {
			await().atMost(STARTUP_AND_TRAFFIC).untilAsserted(() -> {
				ResponseEntity<Map<String, Object>> health = get(this.client, "/actuator/health/agents");
				assertThat(health.getBody()).extractingByKey("status").isIn("DEGRADED", "DOWN");
				assertThat(health.getStatusCode())
					.isEqualTo("DOWN".equals(health.getBody().get("status")) ? HttpStatus.SERVICE_UNAVAILABLE
							: HttpStatus.OK);
			});
			Map<String, Object> details = (Map<String, Object>) get(this.client, "/actuator/health/agents").getBody()
				.get("details");
			assertThat(((Number) details.get("requests")).intValue()).isGreaterThanOrEqualTo(10);
			assertThat((String) details.get("reason")).contains("error rate");
			assertThat((List<Map<String, Object>>) details.get("recentErrors")).isNotEmpty()
				.anySatisfy((error) -> {
					assertThat(error).containsEntry("operation", "model.generate");
					assertThat(error.get("type")).isIn(ModelTimeoutException.class.getName(),
							RateLimitException.class.getName());
					assertThat((String) error.get("message")).isNotBlank();
				});
			ResponseEntity<Map<String, Object>> liveness = get(this.client, "/actuator/health/liveness");
			assertThat(liveness.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(liveness.getBody()).containsEntry("status", "UP");
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "sample.llm.failure-rate=0", "sample.llm.latency=0ms", "sample.traffic.rate=20" })
	@DirtiesContext
	class HealthyModelProvider {

		@LocalServerPort
		private int port;

		private RestClient client;

		@BeforeEach
		void createClient() {
			this.client = client(this.port);
		}

		@Test
		@SuppressWarnings("unchecked")
		void agentsAreUpAndTodayHasCostOnceTheWindowHoldsEnoughRequests() {
			await().atMost(STARTUP_AND_TRAFFIC).untilAsserted(() -> {
				ResponseEntity<Map<String, Object>> health = get(this.client, "/actuator/health/agents");
				Map<String, Object> details = (Map<String, Object>) health.getBody().get("details");
				assertThat(((Number) details.get("requests")).intValue()).isGreaterThanOrEqualTo(10);
			});
			ResponseEntity<Map<String, Object>> health = get(this.client, "/actuator/health/agents");
			assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(health.getBody()).containsEntry("status", "UP");
			Map<String, Object> details = (Map<String, Object>) health.getBody().get("details");
			assertThat(details).doesNotContainKeys("reason", "unpricedModels");
			assertThat(((Number) details.get("costToday")).doubleValue()).isPositive();
			assertThat((Map<String, Object>) details.get("agents")).containsKeys(ResearchAgent.NAME,
					FactCheckerAgent.NAME);
		}

		@Test
		@SuppressWarnings("unchecked")
		void agentsEndpointReportsTheDaysCostPerModel() {
			await().atMost(STARTUP_AND_TRAFFIC)
				.untilAsserted(() -> assertThat((Map<String, Object>) get(this.client, "/actuator/agents").getBody()
					.get("models")).containsKeys("gpt-4o", "gpt-4o-mini"));
			Map<String, Object> report = get(this.client, "/actuator/agents").getBody();
			Map<String, Map<String, Object>> models = (Map<String, Map<String, Object>>) report.get("models");
			assertThat(models.values()).allSatisfy((model) -> assertThat(
					((Number) ((Map<String, Object>) model.get("today")).get("cost")).doubleValue())
				.isPositive());
			assertThat((Map<String, Object>) report.get("today")).containsEntry("zone", "UTC")
				.containsEntry("unpricedModels", List.of());
			String markdown = this.client.get()
				.uri("/actuator/agents")
				.accept(MediaType.parseMediaType("text/markdown"))
				.retrieve()
				.body(String.class);
			assertThat(markdown).startsWith("# Agents report")
				.contains("## Agent performance")
				.contains("| " + ResearchAgent.NAME + " |")
				.contains("| gpt-4o |")
				.contains("| web_search |");
		}

	}

	private static RestClient client(int port) {
		return RestClient.builder().baseUrl("http://localhost:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
				// DOWN answers 503: the tests read every status themselves
			})
			.build();
	}

	private static ResponseEntity<Map<String, Object>> get(RestClient client, String path) {
		return client.get().uri(path).retrieve().toEntity(JSON_OBJECT);
	}

}
