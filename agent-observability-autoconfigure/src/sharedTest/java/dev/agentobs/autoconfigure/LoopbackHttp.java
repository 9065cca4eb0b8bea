package dev.agentobs.autoconfigure;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client of the tests that call the application they start: HTTP/1.1, so that no
 * request waits on an upgrade to HTTP/2 the server never answers, and a bounded connect.
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

}
