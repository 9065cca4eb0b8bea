package dev.agentobs.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The HTTP client and requests of the tests that call the application they start: HTTP/1.1,
 * so that no request waits on an upgrade to HTTP/2 the server never answers, a bounded connect,
 * and requests that fail with a timeout rather than wait for ever.
 */
public final class LoopbackHttp {

	private LoopbackHttp() {
	}

	/**
	 * A client for an application on this machine.
	 * @return the client
	 */
	public static HttpClient client() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * A request to the application, which fails after 30 seconds without an answer.
	 * @param uri the request's URI
	 * @return the request's builder
	 */
	public static HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
	}

}
