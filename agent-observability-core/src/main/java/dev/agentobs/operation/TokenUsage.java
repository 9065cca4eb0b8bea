package dev.agentobs.operation;

/**
 * The tokens of a model call, each count 0 when unknown and at most {@link #MAX_TOKENS}.
 *
 * @param input input (prompt) tokens, cached ones included
 * @param output output (completion) tokens
 * @param cachedInput the input tokens served from the provider's prompt cache
 * @since 0.1.0
 */
public record TokenUsage(long input, long output, long cachedInput) {

	/** No tokens, or none reported. */
	public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

	/**
	 * The most tokens one count may hold: ten billion, thousands of times the largest context
	 * window and more than a provider counting in {@code int} can report. A larger count is a
	 * fault in whatever reported it, and would make an absurd cost and overflow the totals.
	 */
	public static final long MAX_TOKENS = 10_000_000_000L;

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
