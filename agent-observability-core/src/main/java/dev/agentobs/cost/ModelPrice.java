package dev.agentobs.cost;

import dev.agentobs.operation.TokenUsage;

/**
 * The price of a model in USD per million tokens.
 *
 * @param input per million input tokens
 * @param output per million output tokens
 * @param cachedInput per million input tokens served from the provider's prompt cache
 * @since 0.1.0
 */
public record ModelPrice(double input, double output, double cachedInput) {

	private static final double MILLION = 1_000_000d;

	public ModelPrice {
		checkPrice("input", input);
		checkPrice("output", output);
		checkPrice("cachedInput", cachedInput);
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
	 * The cost of one model call. Cached input tokens are part of the input tokens: they are
	 * priced at the cached input price and the rest at the input price.
	 * @param inputTokens every input token, cached ones included
	 * @param cachedInputTokens the input tokens served from the cache
	 * @param outputTokens the output tokens
	 * @return the cost in USD
	 */
	public double cost(long inputTokens, long cachedInputTokens, long outputTokens) {
		return costInMicroUsd(inputTokens, cachedInputTokens, outputTokens) / MILLION;
	}

	/**
	 * The cost of the tokens of one model call, as {@link #cost(long, long, long)}.
	 * @param tokens the call's tokens
	 * @return the cost in USD
	 */
	public double cost(TokenUsage tokens) {
		return cost(tokens.input(), tokens.cachedInput(), tokens.output());
	}

	/**
	 * The cost of the tokens of one model call in millionths of a USD: prices are per million
	 * tokens, so this is exact where the cost in USD is rounded. Summing these and dividing once
	 * keeps a total that equals a limit from passing it by a rounding.
	 * @param tokens the call's tokens
	 * @return the cost in millionths of a USD
	 */
	public double costInMicroUsd(TokenUsage tokens) {
		return costInMicroUsd(tokens.input(), tokens.cachedInput(), tokens.output());
	}

	private double costInMicroUsd(long inputTokens, long cachedInputTokens, long outputTokens) {
		long cached = Math.min(Math.max(cachedInputTokens, 0), Math.max(inputTokens, 0));
		long uncached = Math.max(inputTokens, 0) - cached;
		return uncached * this.input + cached * this.cachedInput + Math.max(outputTokens, 0) * this.output;
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

}
