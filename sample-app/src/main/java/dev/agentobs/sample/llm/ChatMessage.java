package dev.agentobs.sample.llm;

import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation with a chat model.
 *
 * @param role who wrote it
 * @param content what it says
 * @param name for a {@link Role#TOOL} message, the tool (or {@code python} for executed code)
 * whose result it holds; otherwise {@code null}
 * @since 0.1.0
 */
public record ChatMessage(Role role, String content, @Nullable String name) {

	/**
	 * Who wrote a message.
	 */
	public enum Role {

		/** The application's instructions to the model. */
		SYSTEM,

		/** The user's question. */
		USER,

		/** The model's reply. */
		ASSISTANT,

		/** The result of a tool call or of executed code. */
		TOOL

	}

	public static ChatMessage system(String content) {
		return new ChatMessage(Role.SYSTEM, content, null);
	}

	public static ChatMessage user(String content) {
		return new ChatMessage(Role.USER, content, null);
	}

	public static ChatMessage assistant(String content) {
		return new ChatMessage(Role.ASSISTANT, content, null);
	}

	public static ChatMessage tool(String name, String content) {
		return new ChatMessage(Role.TOOL, content, name);
	}

	/**
	 * Whether this message holds the result of the given tool.
	 * @param toolName the tool's name
	 * @return {@code true} for a tool message of that tool
	 */
	public boolean isResultOf(String toolName) {
		return this.role == Role.TOOL && toolName.equals(this.name);
	}

}
