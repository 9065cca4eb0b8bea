package dev.agentobs.sample.springai;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.agentobs.sample.SampleProperties;
import dev.agentobs.sample.llm.SimulatedChatModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated OpenAI server over real HTTP, answering requests written as OpenAI's clients
 * write them.
 */
class SimulatedOpenAiServerTests {

	private static final String TOOLS = """
			"tools": [
			  {"type": "function", "function": {"name": "web_search", "description": "Search the web",
			    "parameters": {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]}}},
			  {"type": "function", "function": {"name": "calculator", "description": "Calculate",
			    "parameters": {"type": "object", "properties": {"expression": {"type": "string"}}}}},
			  {"type": "function", "function": {"name": "fact_check", "description": "Check a claim",
			    "parameters": {"type": "object", "properties": {"claim": {"type": "string"}}}}}
			]""";

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private SimulatedOpenAiServer server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void toolCallsFillTheFirstParameterOfEachTool() throws Exception {
		start(0);
		HttpResponse<String> response = post("""
				{"model": "gpt-4o", "messages": [
				  {"role": "system", "content": "You research."},
				  {"role": "user", "content": "What is (1200 - 300) * 4 and how big is the coffee harvest?"}],
				 %s}
				""".formatted(TOOLS));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode completion = this.json.readTree(response.body());
		assertThat(completion.path("object").asString()).isEqualTo("chat.completion");
		assertThat(completion.path("model").asString()).isEqualTo("gpt-4o-2024-08-06");
		JsonNode choice = completion.path("choices").path(0);
		assertThat(choice.path("finish_reason").asString()).isEqualTo("tool_calls");
		JsonNode calls = choice.path("message").path("tool_calls");
		assertThat(calls.size()).isEqualTo(3);
		assertThat(calls.path(0).path("id").asString()).startsWith("call_");
		assertThat(calls.path(0).path("function").path("name").asString()).isEqualTo("web_search");
		assertThat(calls.path(0).path("function").path("arguments").asString())
			.isEqualTo("{\"query\":\"big coffee harvest\"}");
		assertThat(calls.path(2).path("function").path("arguments").asString())
			.isEqualTo("{\"expression\":\"(1200 - 300) * 4\"}");
		JsonNode usage = completion.path("usage");
		assertThat(usage.path("prompt_tokens").asLong()).isGreaterThan(180);
		assertThat(usage.path("completion_tokens").asLong()).isPositive();
		assertThat(usage.path("total_tokens").asLong())
			.isEqualTo(usage.path("prompt_tokens").asLong() + usage.path("completion_tokens").asLong());
	}

	@Test
	void toolResultsAreFoundByTheirCallIdAndReadFromJsonStrings() throws Exception {
		start(0);
		HttpResponse<String> response = post("""
				{"model": "gpt-4o", "messages": [
				  {"role": "system", "content": "You research."},
				  {"role": "user", "content": [{"type": "text", "text": "What is 6 * 7?"}]},
				  {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": "function",
				    "function": {"name": "calculator", "arguments": "{\\"expression\\":\\"6 * 7\\"}"}}]},
				  {"role": "tool", "tool_call_id": "call_1", "content": "\\"42\\""}],
				 %s}
				""".formatted(TOOLS));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode choice = this.json.readTree(response.body()).path("choices").path(0);
		assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
		assertThat(choice.path("message").path("content").asString()).isEqualTo("6 * 7 = 42.");
	}

	@Test
	void simulatedFailuresAnswerWithOpenAisErrors() throws Exception {
		start(1);
		HttpResponse<String> response = post("""
				{"model": "gpt-4o", "messages": [{"role": "user", "content": "Hello"}]}
				""");
		JsonNode error = this.json.readTree(response.body()).path("error");
		assertThat(response.statusCode()).isIn(429, 504);
		if (response.statusCode() == 429) {
			assertThat(error.path("code").asString()).isEqualTo("rate_limit_exceeded");
			assertThat(response.headers().firstValue("retry-after-ms")).isPresent();
		}
		else {
			assertThat(error.path("code").asString()).isEqualTo("timeout");
		}
		assertThat(error.path("message").asString()).contains("gpt-4o");
	}

	@Test
	void unknownModelIsNotFound() throws Exception {
		start(0);
		HttpResponse<String> response = post("""
				{"model": "gpt-5-turbo", "messages": [{"role": "user", "content": "Hello"}]}
				""");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(response.body()).path("error").path("code").asString())
			.isEqualTo("model_not_found");
	}

	@Test
	void streamedAnswerComesWordByWordWithItsUsageLast() throws Exception {
		start(0);
		HttpResponse<String> response = post("""
				{"model": "gpt-4o", "stream": true, "messages": [{"role": "user", "content": "What is (1200 - 300) * 4?"}]}
				""");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
		List<String> events = response.body()
			.lines()
			.filter((line) -> line.startsWith("data: "))
			.map((line) -> line.substring("data: ".length()))
			.toList();
		assertThat(events).last().isEqualTo("[DONE]");
		StringBuilder content = new StringBuilder();
		for (String event : events.subList(0, events.size() - 2)) {
			content.append(this.json.readTree(event).path("choices").path(0).path("delta").path("content").asString(""));
		}
		// The words of the answer the same request gets without streaming
		HttpResponse<String> whole = post("""
				{"model": "gpt-4o", "messages": [{"role": "user", "content": "What is (1200 - 300) * 4?"}]}
				""");
		String answer = this.json.readTree(whole.body()).path("choices").path(0).path("message").path("content").asString();
		assertThat(content.toString()).isEqualTo(answer);
		// Role, a chunk a word, finish reason, usage, [DONE]
		assertThat(events).hasSize(SimulatedChatModel.chunks(answer).size() + 4);
		JsonNode usage = this.json.readTree(events.get(events.size() - 2)).path("usage");
		assertThat(usage.path("prompt_tokens").asLong()).isPositive();
		assertThat(usage.path("completion_tokens").asLong()).isPositive();
		assertThat(usage.has("prompt_tokens_details")).isTrue();
	}

	@Test
	void listensOnLoopbackOnly() throws Exception {
		start(0);
		assertThat(this.server.baseUrl()).startsWith("http://127.0.0.1:").endsWith("/v1");
	}

	private void start(double failureRate) throws IOException {
		SampleProperties properties = new SampleProperties();
		properties.getLlm().setLatency(Duration.ZERO);
		properties.getLlm().setFailureRate(failureRate);
		this.server = SimulatedOpenAiServer.start(new SimulatedChatModel(properties), this.json);
	}

	private HttpResponse<String> post(String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.server.baseUrl() + "/chat/completions"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer simulated-key")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
