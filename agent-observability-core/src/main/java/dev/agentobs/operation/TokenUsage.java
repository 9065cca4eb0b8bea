package dev.agentobs.operation;

/**
 * The tokens of a model call, each count 0 when unknown and at most {@link #MAX_TOKENS}. The
 * kinds overlap as the providers count them: cache reads and writes are input tokens, reasoning
 * tokens are output tokens.
 *
 * @param input input (prompt) tokens, cached ones and ones written to the cache included
 * @param output output (completion) tokens, reasoning ones included
 * @param cachedInput the input tokens read from the provider's prompt cache
 * ({@code gen_ai.usage.cache_read.input_tokens})
 * @param cacheWriteInput the input tokens written to the provider's prompt cache
 * ({@code gen_ai.usage.cache_creation.input_tokens})
 * @param reasoningOutput the output tokens the model spent reasoning
 * ({@code gen_ai.usage.reasoning.output_tokens})
 * @since 0.1.0
 */
public record TokenUsage(long input, long output, long cachedInput, long cacheWriteInput, long reasoningOutput) {

	/** No tokens, or none reported. */
	public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, 0);

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
		OperationChecks.requireCount(cacheWriteInput, "cacheWriteTokens");
		OperationChecks.requireCount(reasoningOutput, "reasoningTokens");
	}

	/**
	 * Tokens without cache writes or reasoning.
	 * @param input input tokens
	 * @param output output tokens
	 * @param cachedInput input tokens read from the cache
	 */
	public TokenUsage(long input, long output, long cachedInput) {
		this(input, output, cachedInput, 0, 0);
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
		return of(input, output, cachedInput, 0, 0);
	}

	/**
	 * The usage of these counts, {@link #NONE} when all are 0 so that calls without tokens
	 * allocate none.
	 * @param input input tokens
	 * @param output output tokens
	 * @param cachedInput input tokens read from the cache
	 * @param cacheWriteInput input tokens written to the cache
	 * @param reasoningOutput output tokens spent reasoning
	 * @return the usage
	 */
	public static TokenUsage of(long input, long output, long cachedInput, long cacheWriteInput,
			long reasoningOutput) {
		return (input == 0 && output == 0 && cachedInput == 0 && cacheWriteInput == 0 && reasoningOutput == 0) ? NONE
				: new TokenUsage(input, output, cachedInput, cacheWriteInput, reasoningOutput);
	}

}
