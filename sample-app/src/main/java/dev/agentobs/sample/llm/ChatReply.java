package dev.agentobs.sample.llm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A chat model's reply: either a final answer, or tool calls and code to run first.
 *
 * @param responseModel the model that answered, such as {@code gpt-4o-2024-08-06}
 * @param content the text: the answer, or the model's reasoning before its tool calls
 * @param toolCalls the tools to call, none for a final answer
 * @param code code to run before the next step, {@code null} for none
 * @param inputTokens the tokens of the request
 * @param outputTokens the tokens of the reply
 * @param cacheReadTokens the input tokens served from the prompt cache
 * @param reasoningTokens the output tokens spent reasoning
 * @since 0.1.0
 */
public record ChatReply(String responseModel, String content, List<ToolCall> toolCalls, @Nullable String code,
		long inputTokens, long outputTokens, long cacheReadTokens, long reasoningTokens) {

	public ChatReply {
		toolCalls = List.copyOf(toolCalls);
	}

	/**
	 * A reply without cached input or reasoning.
	 * @param responseModel the model that answered
	 * @param content the text
	 * @param toolCalls the tools to call
	 * @param code code to run, {@code null} for none
	 * @param inputTokens the tokens of the request
	 * @param outputTokens the tokens of the reply
	 */
	public ChatReply(String responseModel, String content, List<ToolCall> toolCalls, @Nullable String code,
			long inputTokens, long outputTokens) {
		this(responseModel, content, toolCalls, code, inputTokens, outputTokens, 0, 0);
	}

	/**
	 * Whether the reply is the answer, with nothing left to run.
	 * @return {@code true} for a final answer
	 */
	public boolean isFinalAnswer() {
		return this.toolCalls.isEmpty() && this.code == null;
	}

}
