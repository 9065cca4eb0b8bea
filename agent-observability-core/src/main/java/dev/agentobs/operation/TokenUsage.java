package dev.agentobs.operation;

/**
 * The tokens of a model call, each count 0 when unknown.
 *
 * @param input input (prompt) tokens, cached ones included
 * @param output output (completion) tokens
 * @param cachedInput the input tokens served from the provider's prompt cache
 * @since 0.1.0
 */
public record TokenUsage(long input, long output, long cachedInput) {

	/** No tokens, or none reported. */
	public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

	public TokenUsage {
		OperationChecks.requireCount(input, "inputTokens");
		OperationChecks.requireCount(output, "outputTokens");
		OperationChecks.requireCount(cachedInput, "cachedInputTokens");
	}

	/**
	 * The usage of these counts, {@link #NONE} when all are 0 so that calls without tokens
	 * allocate none.
	 * @param input input tokens
	 * @param output output tokens
	 * @param cachedInput cached input tokens
	 * @return the usage
	 */
	public static TokenUsage of(long input, long output, long cachedInput) {
		return (input == 0 && output == 0 && cachedInput == 0) ? NONE : new TokenUsage(input, output, cachedInput);
	}

}
