package dev.agentobs.sample.springai;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import dev.agentobs.sample.llm.ChatMessage;
import dev.agentobs.sample.llm.ChatReply;
import dev.agentobs.sample.llm.ChatRequest;
import dev.agentobs.sample.llm.ModelTimeoutException;
import dev.agentobs.sample.llm.RateLimitException;
import dev.agentobs.sample.llm.SimulatedChatModel;
import dev.agentobs.sample.llm.ToolCall;

/**
 * OpenAI's chat completions API on loopback, answered by the sample's
 * {@link SimulatedChatModel}, so that Spring AI's real OpenAI client has a server to talk to
 * with no key and no network. It reads a request's messages and tools as OpenAI sends them
 * (tool results found by their {@code tool_call_id}), lets the simulated model decide, and
 * answers as OpenAI does: the content or the tool calls (the arguments filling each tool's
 * first parameter), the model that answered, the token usage, and for the simulated
 * failures a {@code 429} rate limit or a {@code 504} timeout with OpenAI's error body. The
 * code the simulated model sometimes writes has no place in chat completions and is left
 * out. A request that streams gets the reply as OpenAI streams it, a word a chunk.
 *
 * @since 0.1.0
 */
public class SimulatedOpenAiServer implements AutoCloseable {

	/** The path of the chat completions API, under the base URL that ends in {@code /v1}. */
	static final String CHAT_COMPLETIONS = "/v1/chat/completions";

	private static final Logger logger = LoggerFactory.getLogger(SimulatedOpenAiServer.class);

	private static final int THREADS = 16;

	private static final char[] ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private final SimulatedChatModel model;

	private final JsonMapper json;

	private final HttpServer server;

	private final ExecutorService executor;

	private SimulatedOpenAiServer(SimulatedChatModel model, JsonMapper json) throws IOException {
		this.model = model;
		this.json = json;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext(CHAT_COMPLETIONS, this::chatCompletions);
		// Each call takes sample.llm.latency: answer calls side by side, as OpenAI does
		this.executor = Executors.newFixedThreadPool(THREADS, new CustomizableThreadFactory("simulated-openai-"));
		this.server.setExecutor(this.executor);
	}

	/**
	 * Start a server on a free port of the loopback address.
	 * @param model the model that answers
	 * @param json reads requests and writes answers
	 * @return the running server
	 * @throws IOException when no port can be had
	 */
	public static SimulatedOpenAiServer start(SimulatedChatModel model, JsonMapper json) throws IOException {
		SimulatedOpenAiServer server = new SimulatedOpenAiServer(model, json);
		server.server.start();
		logger.info("Simulated OpenAI chat completions API listening on {}", server.baseUrl());
		return server;
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * The base URL to give an OpenAI client.
	 * @return such as {@code http://127.0.0.1:41234/v1}
	 */
	public String baseUrl() {
		return "http://" + this.server.getAddress().getAddress().getHostAddress() + ":" + port() + "/v1";
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void chatCompletions(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.getResponseHeaders().set("Allow", "POST");
				sendError(exchange, 405, "invalid_request_error", null, "Use POST for " + CHAT_COMPLETIONS);
				return;
			}
			JsonNode request;
			try {
				request = this.json.readTree(exchange.getRequestBody());
			}
			catch (JacksonException ex) {
				sendError(exchange, 400, "invalid_request_error", null,
						"The body is not valid JSON: " + ex.getOriginalMessage());
				return;
			}
			try {
				answer(exchange, request);
			}
			catch (RuntimeException ex) {
				logger.error("The simulated OpenAI server failed to answer", ex);
				sendError(exchange, 500, "server_error", null, "The server had an error processing your request");
			}
		}
	}

	private void answer(HttpExchange exchange, JsonNode request) throws IOException {
		Map<String, String> parameters = toolParameters(request.path("tools"));
		ChatRequest chatRequest = new ChatRequest(request.path("model").asString(""), messages(request.path("messages")),
				new ArrayList<>(parameters.keySet()));
		ChatReply reply;
		try {
			reply = this.model.chat(chatRequest);
		}
		catch (RateLimitException ex) {
			exchange.getResponseHeaders().set("retry-after-ms", Long.toString(ex.getRetryAfter().toMillis()));
			sendError(exchange, 429, "tokens", "rate_limit_exceeded", ex.getMessage());
			return;
		}
		catch (ModelTimeoutException ex) {
			sendError(exchange, 504, "server_error", "timeout", ex.getMessage());
			return;
		}
		catch (IllegalArgumentException ex) {
			sendError(exchange, 404, "invalid_request_error", "model_not_found", ex.getMessage());
			return;
		}
		if (request.path("stream").asBoolean(false)) {
			sendStream(exchange, reply, parameters);
		}
		else {
			send(exchange, 200, completion(reply, parameters));
		}
	}

	/**
	 * Stream a reply as OpenAI does: a chunk with the role, one per word of the content and
	 * one per tool call, {@link SimulatedChatModel#CHUNK_GAP} apart, the finish reason, the
	 * usage, then {@code [DONE]}.
	 */
	private void sendStream(HttpExchange exchange, ChatReply reply, Map<String, String> parameters)
			throws IOException {
		String id = "chatcmpl-" + randomId(29);
		List<ObjectNode> chunks = new ArrayList<>();
		ObjectNode first = chunk(id, reply);
		delta(first).put("role", "assistant").put("content", "");
		chunks.add(first);
		for (String text : SimulatedChatModel.chunks(reply.content())) {
			ObjectNode chunk = chunk(id, reply);
			delta(chunk).put("content", text);
			chunks.add(chunk);
		}
		for (int i = 0; i < reply.toolCalls().size(); i++) {
			ObjectNode chunk = chunk(id, reply);
			ObjectNode toolCall = delta(chunk).putArray("tool_calls").addObject().put("index", i);
			toolCall(toolCall, reply.toolCalls().get(i), parameters);
			chunks.add(chunk);
		}
		ObjectNode finish = chunk(id, reply);
		delta(finish);
		((ObjectNode) finish.path("choices").path(0)).put("finish_reason",
				reply.toolCalls().isEmpty() ? "stop" : "tool_calls");
		chunks.add(finish);
		ObjectNode usage = chunk(id, reply);
		usage(usage, reply);
		chunks.add(usage);
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			for (int i = 0; i < chunks.size(); i++) {
				if (i > 0) {
					SimulatedChatModel.pauseBetweenChunks();
				}
				writeEvent(out, this.json.writeValueAsString(chunks.get(i)));
			}
			writeEvent(out, "[DONE]");
		}
	}

	private ObjectNode chunk(String id, ChatReply reply) {
		ObjectNode chunk = this.json.createObjectNode();
		chunk.put("id", id);
		chunk.put("object", "chat.completion.chunk");
		chunk.put("created", Instant.now().getEpochSecond());
		chunk.put("model", reply.responseModel());
		chunk.putArray("choices");
		return chunk;
	}

	private static ObjectNode delta(ObjectNode chunk) {
		ObjectNode choice = ((ArrayNode) chunk.get("choices")).addObject();
		choice.put("index", 0);
		ObjectNode delta = choice.putObject("delta");
		choice.putNull("logprobs");
		choice.putNull("finish_reason");
		return delta;
	}

	private static void writeEvent(OutputStream out, String data) throws IOException {
		out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	/**
	 * The names of the tools offered, each with the name of its first parameter.
	 */
	private static Map<String, String> toolParameters(JsonNode tools) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (JsonNode tool : tools) {
			JsonNode function = tool.path("function");
			String name = function.path("name").asString("");
			if (!name.isEmpty()) {
				List<String> names = new ArrayList<>(function.path("parameters").path("properties").propertyNames());
				parameters.put(name, names.isEmpty() ? "input" : names.get(0));
			}
		}
		return parameters;
	}

	private List<ChatMessage> messages(JsonNode messages) {
		List<ChatMessage> conversation = new ArrayList<>();
		// Tool results name only the call they answer; the call, in an earlier assistant
		// message, names the tool
		Map<String, String> toolsByCallId = new HashMap<>();
		for (JsonNode message : messages) {
			String content = text(message.path("content"));
			switch (message.path("role").asString("")) {
				case "system", "developer" -> conversation.add(ChatMessage.system(content));
				case "user" -> conversation.add(ChatMessage.user(content));
				case "assistant" -> {
					for (JsonNode call : message.path("tool_calls")) {
						toolsByCallId.put(call.path("id").asString(""), call.path("function").path("name").asString(""));
					}
					conversation.add(ChatMessage.assistant(content));
				}
				case "tool" -> conversation.add(ChatMessage.tool(
						toolsByCallId.getOrDefault(message.path("tool_call_id").asString(""), ""), toolResult(content)));
				default -> {
				}
			}
		}
		return conversation;
	}

	/**
	 * A tool's result as the model reads it: Spring AI sends a tool's text as a JSON string,
	 * quotes and escapes included, which a model reads as the text it holds.
	 */
	private String toolResult(String content) {
		if (content.startsWith("\"")) {
			try {
				JsonNode text = this.json.readTree(content);
				if (text.isString()) {
					return text.stringValue();
				}
			}
			catch (JacksonException ex) {
				// Not JSON after all: read as it is
			}
		}
		return content;
	}

	/**
	 * The text of a message's content: a string, or an array of parts of which the text ones
	 * count.
	 */
	private static String text(JsonNode content) {
		if (content.isString()) {
			return content.stringValue();
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode part : content) {
			if ("text".equals(part.path("type").asString(""))) {
				text.append(part.path("text").asString(""));
			}
		}
		return text.toString();
	}

	private ObjectNode completion(ChatReply reply, Map<String, String> parameters) {
		ObjectNode completion = this.json.createObjectNode();
		completion.put("id", "chatcmpl-" + randomId(29));
		completion.put("object", "chat.completion");
		completion.put("created", Instant.now().getEpochSecond());
		completion.put("model", reply.responseModel());
		ObjectNode choice = completion.putArray("choices").addObject();
		choice.put("index", 0);
		ObjectNode message = choice.putObject("message");
		message.put("role", "assistant");
		message.put("content", reply.content());
		message.putNull("refusal");
		if (!reply.toolCalls().isEmpty()) {
			ArrayNode calls = message.putArray("tool_calls");
			for (ToolCall call : reply.toolCalls()) {
				toolCall(calls.addObject(), call, parameters);
			}
		}
		choice.putNull("logprobs");
		choice.put("finish_reason", reply.toolCalls().isEmpty() ? "stop" : "tool_calls");
		usage(completion, reply);
		completion.put("service_tier", "default");
		completion.put("system_fingerprint", "fp_" + randomId(10).toLowerCase(Locale.ROOT));
		return completion;
	}

	private void toolCall(ObjectNode toolCall, ToolCall call, Map<String, String> parameters) {
		toolCall.put("id", call.id());
		toolCall.put("type", "function");
		ObjectNode function = toolCall.putObject("function");
		function.put("name", call.name());
		ObjectNode arguments = this.json.createObjectNode();
		arguments.put(parameters.getOrDefault(call.name(), "input"), call.input());
		function.put("arguments", this.json.writeValueAsString(arguments));
	}

	// With the cache reads and reasoning tokens the simulated model reports, as OpenAI counts them
	private static void usage(ObjectNode completion, ChatReply reply) {
		ObjectNode usage = completion.putObject("usage");
		usage.put("prompt_tokens", reply.inputTokens());
		usage.put("completion_tokens", reply.outputTokens());
		usage.put("total_tokens", reply.inputTokens() + reply.outputTokens());
		usage.putObject("prompt_tokens_details").put("cached_tokens", reply.cacheReadTokens()).put("audio_tokens", 0);
		usage.putObject("completion_tokens_details")
			.put("reasoning_tokens", reply.reasoningTokens())
			.put("audio_tokens", 0)
			.put("accepted_prediction_tokens", 0)
			.put("rejected_prediction_tokens", 0);
	}

	private void sendError(HttpExchange exchange, int status, String type, @Nullable String code, String message)
			throws IOException {
		ObjectNode body = this.json.createObjectNode();
		ObjectNode error = body.putObject("error");
		error.put("message", message);
		error.put("type", type);
		error.putNull("param");
		if (code != null) {
			error.put("code", code);
		}
		else {
			error.putNull("code");
		}
		send(exchange, status, body);
	}

	private void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
		byte[] bytes = this.json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static String randomId(int length) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder id = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			id.append(ID_CHARACTERS[random.nextInt(ID_CHARACTERS.length)]);
		}
		return id.toString();
	}

}
