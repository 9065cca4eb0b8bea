package dev.agentobs.sample.llm;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A tool call a model asked for.
 *
 * @param id the id the model gave the call, such as {@code call_3k9XcQ0v2mWb7LrT5yHn1pDe}
 * @param name the tool's name
 * @param input the tool's one argument: a query, an expression or a claim
 * @since 0.1.0
 */
public record ToolCall(String id, String name, String input) {

	private static final char[] ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	/**
	 * A new call with an id in OpenAI's format.
	 * @param name the tool's name
	 * @param input the argument
	 * @return the call
	 */
	public static ToolCall of(String name, String input) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder id = new StringBuilder("call_");
		for (int i = 0; i < 24; i++) {
			id.append(ID_CHARACTERS[random.nextInt(ID_CHARACTERS.length)]);
		}
		return new ToolCall(id.toString(), name, input);
	}

	/**
	 * The arguments as the model wrote them: a JSON object.
	 * @return the arguments, such as <code>{"input":"vector databases"}</code>
	 */
	public String arguments() {
		return "{\"input\":\"" + this.input.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
	}

}
