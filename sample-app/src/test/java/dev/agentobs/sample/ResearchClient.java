package dev.agentobs.sample;

import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The sample's research API over real HTTP, as the tests call it: every status is an answer
 * for the test to assert on, and the body a JSON object.
 */
final class ResearchClient {

	static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
			new ParameterizedTypeReference<>() {
			};

	private final RestClient client;

	ResearchClient(int port) {
		this.client = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
				// Tests assert on every status themselves
			})
			.build();
	}

	/**
	 * Ask the research agent a question.
	 * @param question the question, without quotes or backslashes
	 * @return the answer
	 */
	ResponseEntity<Map<String, Object>> ask(String question) {
		return post("{\"question\": \"" + question + "\"}");
	}

	/**
	 * Post a request body to the research API as it is.
	 * @param body the JSON body
	 * @return the answer
	 */
	ResponseEntity<Map<String, Object>> post(String body) {
		return this.client.post()
			.uri("/api/research")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JSON_OBJECT);
	}

	/**
	 * The client the tests' own requests go through, for other paths.
	 * @return the client
	 */
	RestClient rest() {
		return this.client;
	}

}
