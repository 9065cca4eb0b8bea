package dev.agentobs.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What the tests that call the application they start send it: GET requests over HTTP/1.1 (no
 * upgrade to HTTP/2 to wait on), with a bounded connect and a request that fails after 30 seconds
 * without an answer rather than wait for ever.
 */
public final class LoopbackHttp {

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private LoopbackHttp() {
	}

	/**
	 * GET a path of the application.
	 * @param port the application's port on this machine
	 * @param path the path, such as {@code /actuator/agents}
	 * @return the response, its body as text
	 */
	public static HttpResponse<String> get(int port, String path) {
		return get(port, path, null);
	}

	/**
	 * GET a path of the application, asking for a media type.
	 * @param port the application's port on this machine
	 * @param path the path, such as {@code /actuator/agents}
	 * @param accept the {@code Accept} header, or {@code null} for none
	 * @return the response, its body as text
	 */
	public static HttpResponse<String> get(int port, String path, @Nullable String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30));
		if (accept != null) {
			request.header("Accept", accept);
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for GET " + path, ex);
		}
	}

}
