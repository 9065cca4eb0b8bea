package dev.agentobs.sample.llm;

import java.util.List;
import java.util.Locale;

/**
 * A request to a chat model.
 *
 * @param model the model asked for, such as {@code gpt-4o}
 * @param messages the conversation so far, the system message first
 * @param tools the names of the tools the model may call
 * @since 0.1.0
 */
public record ChatRequest(String model, List<ChatMessage> messages, List<String> tools) {

	public ChatRequest {
		messages = List.copyOf(messages);
		tools = List.copyOf(tools);
	}

	/**
	 * The conversation as one text, as a provider would log it.
	 * @return one line per message, such as {@code user: What is ...}
	 */
	public String prompt() {
		StringBuilder prompt = new StringBuilder();
		for (ChatMessage message : this.messages) {
			if (!prompt.isEmpty()) {
				prompt.append('\n');
			}
			prompt.append(message.role().name().toLowerCase(Locale.ROOT)).append(": ").append(message.content());
		}
		return prompt.toString();
	}

}
