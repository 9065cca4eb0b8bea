package dev.agentobs.cost;

import org.jspecify.annotations.Nullable;

import dev.agentobs.operation.TokenUsage;

/**
 * The price of a model in USD per million tokens, by kind of token: input, output, input read
 * from the provider's prompt cache, input written to it, and reasoning output; and, for models
 * that charge more for long prompts, the price of a call above a number of input tokens.
 *
 * @param input per million input tokens
 * @param output per million output tokens
 * @param cachedInput per million input tokens read from the provider's prompt cache
 * @param cacheWrite per million input tokens written to the provider's prompt cache
 * @param reasoning per million reasoning output tokens
 * @param longContext the price of a call whose input tokens pass a threshold, or {@code null}
 * when the model has one price whatever the length of the prompt
 * @since 0.1.0
 */
public record ModelPrice(double input, double output, double cachedInput, double cacheWrite, double reasoning,
		@Nullable LongContext longContext) {

	private static final double MILLION = 1_000_000d;

	public ModelPrice {
		checkPrice("input", input);
		checkPrice("output", output);
		checkPrice("cachedInput", cachedInput);
		checkPrice("cacheWrite", cacheWrite);
		checkPrice("reasoning", reasoning);
	}

	/**
	 * A price whose cache writes cost the input price and whose reasoning tokens cost the
	 * output price.
	 * @param input USD per million input tokens
	 * @param output USD per million output tokens
	 * @param cachedInput USD per million input tokens read from the cache
	 */
	public ModelPrice(double input, double output, double cachedInput) {
		this(input, output, cachedInput, input, output, null);
	}

	/**
	 * A price whose cached input tokens cost as much as the others.
	 * @param input USD per million input tokens
	 * @param output USD per million output tokens
	 * @return the price
	 */
	public static ModelPrice of(double input, double output) {
		return new ModelPrice(input, output, input);
	}

	/**
	 * This price with another price of input tokens written to the prompt cache.
	 * @param cacheWrite USD per million input tokens written to the cache
	 * @return the price
	 */
	public ModelPrice withCacheWrite(double cacheWrite) {
		return new ModelPrice(this.input, this.output, this.cachedInput, cacheWrite, this.reasoning, this.longContext);
	}

	/**
	 * This price with another price of reasoning output tokens.
	 * @param reasoning USD per million reasoning tokens
	 * @return the price
	 */
	public ModelPrice withReasoning(double reasoning) {
		return new ModelPrice(this.input, this.output, this.cachedInput, this.cacheWrite, reasoning, this.longContext);
	}

	/**
	 * This price with another price for calls of more than a number of input tokens.
	 * @param aboveInputTokens the input tokens a call must pass, such as 200,000
	 * @param price the price of every token of such a call
	 * @return the price
	 */
	public ModelPrice withLongContext(long aboveInputTokens, ModelPrice price) {
		return new ModelPrice(this.input, this.output, this.cachedInput, this.cacheWrite, this.reasoning,
				new LongContext(aboveInputTokens, price));
	}

	/**
	 * The cost of one model call. Cached input tokens are part of the input tokens: they are
	 * priced at the cached input price and the rest at the input price.
	 * @param inputTokens every input token, cached ones included
	 * @param cachedInputTokens the input tokens read from the cache
	 * @param outputTokens the output tokens
	 * @return the cost in USD
	 */
	public double cost(long inputTokens, long cachedInputTokens, long outputTokens) {
		return costInMicroUsd(inputTokens, cachedInputTokens, 0, outputTokens, 0) / MILLION;
	}

	/**
	 * The cost of one model call with every kind of token. Tokens read from and written to the
	 * cache are part of the input tokens, reasoning tokens part of the output tokens, each kind
	 * at its own price and the rest at the input and output prices. A call of more input tokens
	 * than the {@linkplain #longContext() long-context} threshold is priced at that price.
	 * @param inputTokens every input token, cached ones included
	 * @param cachedInputTokens the input tokens read from the cache
	 * @param cacheWriteTokens the input tokens written to the cache
	 * @param outputTokens every output token, reasoning ones included
	 * @param reasoningTokens the output tokens spent on reasoning
	 * @return the cost in USD
	 */
	public double cost(long inputTokens, long cachedInputTokens, long cacheWriteTokens, long outputTokens,
			long reasoningTokens) {
		return costInMicroUsd(inputTokens, cachedInputTokens, cacheWriteTokens, outputTokens, reasoningTokens)
				/ MILLION;
	}

	/**
	 * The cost of the tokens of one model call, every kind at its price, as
	 * {@link #cost(long, long, long, long, long)}: its output tokens include its reasoning
	 * tokens, so a reasoning price of its own charges only the reasoning tokens' difference
	 * from the output price, never the reasoning tokens twice.
	 * @param tokens the call's tokens
	 * @return the cost in USD
	 */
	public double cost(TokenUsage tokens) {
		return costInMicroUsd(tokens) / MILLION;
	}

	/**
	 * The cost of the tokens of one model call in millionths of a USD: prices are per million
	 * tokens, so this is exact where the cost in USD is rounded. Summing these and dividing once
	 * keeps a total that equals a limit from passing it by a rounding.
	 * @param tokens the call's tokens
	 * @return the cost in millionths of a USD
	 */
	public double costInMicroUsd(TokenUsage tokens) {
		return costInMicroUsd(tokens.input(), tokens.cachedInput(), tokens.cacheWriteInput(), tokens.output(),
				tokens.reasoningOutput());
	}

	private double costInMicroUsd(long inputTokens, long cachedInputTokens, long cacheWriteTokens, long outputTokens,
			long reasoningTokens) {
		long input = Math.max(inputTokens, 0);
		long output = Math.max(outputTokens, 0);
		ModelPrice price = (this.longContext != null && input > this.longContext.aboveInputTokens())
				? this.longContext.price() : this;
		long cached = Math.min(Math.max(cachedInputTokens, 0), input);
		long written = Math.min(Math.max(cacheWriteTokens, 0), input - cached);
		long reasoned = Math.min(Math.max(reasoningTokens, 0), output);
		return (input - cached - written) * price.input + cached * price.cachedInput + written * price.cacheWrite
				+ (output - reasoned) * price.output + reasoned * price.reasoning;
	}

	/**
	 * Check one price: the rule the record's constructor applies, for code that reads prices
	 * from configuration and wants to report a bad one under its own name.
	 * @param name the name to report, such as {@code input}
	 * @param price USD per million tokens
	 * @throws IllegalArgumentException naming {@code name}, the price and what would be right
	 */
	public static void checkPrice(String name, double price) {
		if (!(price >= 0) || Double.isInfinite(price)) {
			throw new IllegalArgumentException(
					name + " must be 0 or more USD per million tokens, such as 2.50, was " + price);
		}
	}

	/**
	 * Check a long-context threshold: the rule {@link LongContext} applies, for code that reads
	 * it from configuration.
	 * @param name the name to report, such as {@code above-input-tokens}
	 * @param aboveInputTokens the input tokens a call must pass
	 * @throws IllegalArgumentException naming {@code name}, the value and what would be right
	 */
	public static void checkThreshold(String name, long aboveInputTokens) {
		if (aboveInputTokens < 1) {
			throw new IllegalArgumentException(
					name + " must be 1 or more input tokens, such as 200000, was " + aboveInputTokens);
		}
	}

	/**
	 * The price of a call whose input tokens pass a threshold: every token of such a call is
	 * priced at it, as providers that charge more for long prompts do.
	 *
	 * @param aboveInputTokens the input tokens a call must pass, cached ones included
	 * @param price the price of such a call, without a long-context price of its own
	 * @since 0.1.0
	 */
	public record LongContext(long aboveInputTokens, ModelPrice price) {

		public LongContext {
			checkThreshold("aboveInputTokens", aboveInputTokens);
			if (price.longContext() != null) {
				throw new IllegalArgumentException("price must not have a long-context price of its own, was " + price);
			}
		}

	}

}
