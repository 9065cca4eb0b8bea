package dev.agentobs.sample;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of {@code GET /api/research/stream}: the events of one streamed research, read
 * over real HTTP to the end.
 */
public final class ResearchStreams {

	private static final JsonMapper json = JsonMapper.builder().build();

	private ResearchStreams() {
	}

	/**
	 * Ask a question and read its stream to the end.
	 * @param port the sample's port
	 * @param question the question
	 * @return the response: status and events
	 * @throws IOException when the request fails
	 * @throws InterruptedException when interrupted
	 */
	public static Stream ask(int port, String question) throws IOException, InterruptedException {
		URI uri = URI.create("http://localhost:" + port + "/api/research/stream?question="
				+ URLEncoder.encode(question, StandardCharsets.UTF_8));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
		return new Stream(response.statusCode(), events(response.body()));
	}

	static List<Event> events(String body) {
		List<Event> events = new ArrayList<>();
		for (String block : body.split("\n\n")) {
			String name = null;
			StringBuilder data = new StringBuilder();
			for (String line : block.split("\n")) {
				if (line.startsWith("event:")) {
					name = line.substring("event:".length()).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring("data:".length()));
				}
			}
			if (name != null) {
				events.add(new Event(name, json.readTree(data.toString())));
			}
		}
		return events;
	}

	/**
	 * A streamed research as the client got it.
	 *
	 * @param status the HTTP status
	 * @param events the events, in order
	 */
	public record Stream(int status, List<Event> events) {

		/**
		 * The answer: the text of every chunk event, joined.
		 * @return the answer
		 */
		public String answer() {
			StringBuilder answer = new StringBuilder();
			for (Event event : this.events) {
				if (event.name().equals("chunk")) {
					answer.append(event.data().get("text").asString());
				}
			}
			return answer.toString();
		}

		/**
		 * The last event: {@code done} or {@code error}.
		 * @return the last event
		 */
		public Event last() {
			return this.events.get(this.events.size() - 1);
		}

	}

	/**
	 * One server-sent event.
	 *
	 * @param name its name
	 * @param data its data, JSON
	 */
	public record Event(String name, JsonNode data) {
	}

}
