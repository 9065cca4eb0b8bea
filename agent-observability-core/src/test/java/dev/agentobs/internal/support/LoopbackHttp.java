package dev.agentobs.internal.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests to a service under test on a port of 127.0.0.1, each expected to answer 200.
 */
public final class LoopbackHttp {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	public LoopbackHttp(int port) {
		this.port = port;
	}

	/**
	 * GET a path.
	 * @param path the path, such as {@code /actuator/prometheus}
	 * @return the body
	 */
	public String get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).build());
	}

	/**
	 * POST plain text to a path.
	 * @param path the path
	 * @param body the text
	 * @return the body of the answer
	 */
	public String post(String path, String body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private String send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(request.uri().getPath()).isEqualTo(200);
		return response.body();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
