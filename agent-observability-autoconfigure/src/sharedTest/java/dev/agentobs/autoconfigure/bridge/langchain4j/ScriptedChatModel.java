package dev.agentobs.autoconfigure.bridge.langchain4j;

import java.util.List;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

/**
 * A LangChain4j chat model, blocking and streaming, that answers like OpenAI's would: it asks
 * for the {@code currentWeather} tool when offered tools, answers from the tool's result, and
 * otherwise answers "Paris". It streams its answer from another thread, as HTTP clients do.
 */
class ScriptedChatModel implements ChatModel {

	static final String MODEL = "gpt-4o";

	static final String RESPONSE_MODEL = "gpt-4o-2024-08-06";

	private final List<ChatModelListener> listeners;

	private volatile RuntimeException failure;

	ScriptedChatModel(List<ChatModelListener> listeners) {
		this.listeners = listeners;
	}

	void failWith(RuntimeException failure) {
		this.failure = failure;
	}

	@Override
	public ChatResponse doChat(ChatRequest request) {
		if (this.failure != null) {
			throw this.failure;
		}
		boolean toolAnswered = request.messages()
			.stream()
			.anyMatch((message) -> message instanceof ToolExecutionResultMessage);
		if (toolAnswered) {
			return response(AiMessage.from("It is sunny in Paris."), 80, 9, FinishReason.STOP);
		}
		if (!request.toolSpecifications().isEmpty()) {
			ToolExecutionRequest toolCall = ToolExecutionRequest.builder()
				.id("call_weather_1")
				.name("currentWeather")
				.arguments("{\"city\":\"Paris\"}")
				.build();
			return response(AiMessage.from(toolCall), 60, 15, FinishReason.TOOL_EXECUTION);
		}
		return response(AiMessage.from("Paris"), 12, 3, FinishReason.STOP);
	}

	StreamingChatModel streaming() {
		return new StreamingChatModel() {

			@Override
			public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
				Thread thread = new Thread(() -> {
					handler.onPartialResponse("Par");
					handler.onPartialResponse("is");
					handler.onCompleteResponse(response(AiMessage.from("Paris"), 20, 5, FinishReason.STOP));
				}, "scripted-stream");
				thread.start();
			}

			@Override
			public ChatRequestParameters defaultRequestParameters() {
				return ScriptedChatModel.this.defaultRequestParameters();
			}

			@Override
			public List<ChatModelListener> listeners() {
				return ScriptedChatModel.this.listeners;
			}

			@Override
			public ModelProvider provider() {
				return ModelProvider.OPEN_AI;
			}

		};
	}

	@Override
	public ChatRequestParameters defaultRequestParameters() {
		return ChatRequestParameters.builder().modelName(MODEL).build();
	}

	@Override
	public List<ChatModelListener> listeners() {
		return this.listeners;
	}

	@Override
	public ModelProvider provider() {
		return ModelProvider.OPEN_AI;
	}

	private static ChatResponse response(AiMessage message, int input, int output, FinishReason finishReason) {
		return ChatResponse.builder()
			.aiMessage(message)
			.modelName(RESPONSE_MODEL)
			.tokenUsage(new TokenUsage(input, output))
			.finishReason(finishReason)
			.build();
	}

}
