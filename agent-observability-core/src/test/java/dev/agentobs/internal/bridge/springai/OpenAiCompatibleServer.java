package dev.agentobs.internal.bridge.springai;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server that answers OpenAI chat completion requests with canned JSON: a plain
 * answer, a call of the {@code currentWeather} tool when the request offers tools, the answer
 * after the tool's result; when the request streams, the same three as SSE streams, one event
 * every {@value #CHUNK_GAP_MILLIS} ms as a provider sends them, with usage in their last chunk.
 * It keeps every request body. {@code e2e/run.sh} runs it from the test
 * jar, on the port given as the one argument, for the Spring Boot 3.5 application it starts.
 */
public final class OpenAiCompatibleServer implements AutoCloseable {

	public static final String MODEL = "gpt-4o";

	public static final String RESPONSE_MODEL = "gpt-4o-2024-08-06";

	/** The time between two events of a streamed answer. */
	public static final long CHUNK_GAP_MILLIS = 50;

	private final HttpServer server;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	public OpenAiCompatibleServer() throws IOException {
		this(0);
	}

	private OpenAiCompatibleServer(int port) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		this.server.createContext("/v1/chat/completions", this::chatCompletions);
		// Streams take a while: answer each request on its own thread
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.start();
	}

	/**
	 * Start a server on a free port, for a test's static field.
	 * @return the started server
	 */
	public static OpenAiCompatibleServer start() {
		try {
			return new OpenAiCompatibleServer();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Answers on 127.0.0.1 until the process is stopped (the server's thread keeps it alive).
	 * @param args the port
	 * @throws IOException when the port cannot be had
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 1 || !args[0].matches("[0-9]{1,5}")) {
			throw new IllegalArgumentException(
					"The arguments must be one port to listen on, were: " + String.join(" ", args));
		}
		OpenAiCompatibleServer server = new OpenAiCompatibleServer(Integer.parseInt(args[0]));
		System.out.println("OpenAI-compatible server listening on " + server.baseUrl());
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	public List<String> requests() {
		return this.requests;
	}

	public void failWith(int status) {
		this.status = status;
	}

	private void chatCompletions(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.requests.add(body);
			// Clients differ in the spaces of their JSON: read it without them
			body = body.replaceAll("\\s", "");
			if (this.status != 200) {
				send(exchange, this.status, "application/json",
						"{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}");
			}
			else if (body.contains("\"stream\":true")) {
				sendEvents(exchange, streamed(body));
			}
			else if (body.contains("\"role\":\"tool\"")) {
				send(exchange, 200, "application/json", answer("chatcmpl-3", "It is sunny in Paris.", 80, 9, 0, 0));
			}
			else if (body.contains("\"tools\"")) {
				send(exchange, 200, "application/json", toolCall());
			}
			else {
				send(exchange, 200, "application/json", answer("chatcmpl-1", "Paris", 12, 3, 4, 2));
			}
		}
	}

	private static String answer(String id, String content, int input, int output, int cached, int reasoning) {
		return """
				{"id":"%s","object":"chat.completion","created":1700000000,"model":"%s",
				 "choices":[{"index":0,"message":{"role":"assistant","content":"%s","refusal":null},
				   "logprobs":null,"finish_reason":"stop"}],
				 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d,
				   "prompt_tokens_details":{"cached_tokens":%d},
				   "completion_tokens_details":{"reasoning_tokens":%d}}}
				""".formatted(id, RESPONSE_MODEL, content, input, output, input + output, cached, reasoning);
	}

	private static String toolCall() {
		return """
				{"id":"chatcmpl-2","object":"chat.completion","created":1700000000,"model":"%s",
				 "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":null,
				   "tool_calls":[{"id":"call_weather_1","type":"function",
				     "function":{"name":"currentWeather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
				   "logprobs":null,"finish_reason":"tool_calls"}],
				 "usage":{"prompt_tokens":60,"completion_tokens":15,"total_tokens":75,
				   "prompt_tokens_details":{"cached_tokens":32},"completion_tokens_details":{"reasoning_tokens":5}}}
				""".formatted(RESPONSE_MODEL);
	}

	private static List<String> streamed(String body) {
		String role = "{\"role\":\"assistant\",\"content\":\"\"}";
		if (body.contains("\"role\":\"tool\"")) {
			return stream("chatcmpl-6",
					List.of(role, "{\"content\":\"It is sunny \"}", "{\"content\":\"in Paris.\"}"), "stop", 80, 9);
		}
		if (body.contains("\"tools\"")) {
			return stream("chatcmpl-5", List.of("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
					+ "\"id\":\"call_weather_1\",\"type\":\"function\","
					+ "\"function\":{\"name\":\"currentWeather\",\"arguments\":\"\"}}]}",
					"{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}"),
					"tool_calls", 60, 15);
		}
		return stream("chatcmpl-4", List.of(role, "{\"content\":\"Par\"}", "{\"content\":\"is\"}"), "stop", 20, 5);
	}

	private static List<String> stream(String id, List<String> deltas, String finishReason, int input, int output) {
		String chunk = "{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
				+ "\"model\":\"" + RESPONSE_MODEL + "\",\"choices\":[%s]%s}";
		String delta = "{\"index\":0,\"delta\":%s,\"logprobs\":null,\"finish_reason\":%s}";
		List<String> events = new ArrayList<>();
		for (String content : deltas) {
			events.add(chunk.formatted(delta.formatted(content, "null"), ""));
		}
		events.add(chunk.formatted(delta.formatted("{}", "\"" + finishReason + "\""), ""));
		events.add(chunk.formatted("", ",\"usage\":{\"prompt_tokens\":%d,\"completion_tokens\":%d,\"total_tokens\":%d}"
			.formatted(input, output, input + output)));
		events.add("[DONE]");
		return events;
	}

	private static void sendEvents(HttpExchange exchange, List<String> events) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			for (int i = 0; i < events.size(); i++) {
				if (i > 0) {
					pause();
				}
				out.write(("data: " + events.get(i) + "\n\n").getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
		}
	}

	private static void pause() throws IOException {
		try {
			Thread.sleep(CHUNK_GAP_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted between two events", ex);
		}
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		((ExecutorService) this.server.getExecutor()).shutdownNow();
	}

}
