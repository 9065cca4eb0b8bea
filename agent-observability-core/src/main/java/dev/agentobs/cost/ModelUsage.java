package dev.agentobs.cost;

import org.jspecify.annotations.Nullable;

/**
 * The calls of one model in a day. Immutable.
 *
 * @param model the requested model; {@code _OTHER} stands for the models past
 * {@code monitoring.metrics.max-tag-values}
 * @param calls the calls
 * @param inputTokens their input tokens, cached ones included
 * @param cachedInputTokens their input tokens served from a prompt cache
 * @param outputTokens their output tokens
 * @param cost their cost in USD, or {@code null} when the model has no price
 * @param priceSource where the price of its latest call came from
 * @since 0.1.0
 */
public record ModelUsage(String model, long calls, long inputTokens, long cachedInputTokens, long outputTokens,
		@Nullable Double cost, PriceSource priceSource) {

}
