package dev.agentobs.internal.bridge;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server that answers Anthropic Messages API requests with one canned message
 * whose usage counts cache reads and writes as Anthropic does: apart from its
 * {@code input_tokens}, which are only the tokens neither read from nor written to the cache.
 */
public final class AnthropicCompatibleServer implements AutoCloseable {

	public static final String MODEL = "claude-sonnet-4-5";

	public static final String RESPONSE_MODEL = "claude-sonnet-4-5-20250929";

	/** Input tokens neither read from nor written to the cache. */
	public static final int INPUT_TOKENS = 20;

	public static final int CACHE_READ_INPUT_TOKENS = 4096;

	public static final int CACHE_CREATION_INPUT_TOKENS = 2048;

	public static final int OUTPUT_TOKENS = 100;

	private final HttpServer server;

	private final AtomicInteger requests = new AtomicInteger();

	public AnthropicCompatibleServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/v1/messages", this::messages);
		this.server.start();
	}

	/**
	 * The URL of the API's root, without {@code /v1}.
	 * @return the URL
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public int requests() {
		return this.requests.get();
	}

	private void messages(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		exchange.getRequestBody().readAllBytes();
		String body = """
				{"id":"msg_01","type":"message","role":"assistant","model":"%s",
				"content":[{"type":"text","text":"Paris is the capital of France."}],
				"stop_reason":"end_turn","stop_sequence":null,
				"usage":{"input_tokens":%d,"cache_creation_input_tokens":%d,"cache_read_input_tokens":%d,"output_tokens":%d}}
				""".formatted(RESPONSE_MODEL, INPUT_TOKENS, CACHE_CREATION_INPUT_TOKENS, CACHE_READ_INPUT_TOKENS,
				OUTPUT_TOKENS);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
