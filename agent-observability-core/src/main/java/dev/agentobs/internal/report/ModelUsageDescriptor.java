package dev.agentobs.internal.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.agentobs.cost.ModelUsage;
import dev.agentobs.cost.PriceSource;

/**
 * The tokens and cost of one model in a day, and where its price came from.
 *
 * @param calls the calls
 * @param inputTokens their input tokens, cached ones included
 * @param cachedInputTokens their input tokens served from a prompt cache
 * @param outputTokens their output tokens
 * @param cost their cost in USD to six places, or {@code null} when the model has no price
 * @param priceSource {@code catalogue}, {@code configured} or {@code unknown}
 * @param priceEntry the catalogue entry or configured model whose price it is, {@code null} when
 * unknown
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelUsageDescriptor(long calls, long inputTokens, long cachedInputTokens, long outputTokens,
		@Nullable Double cost, String priceSource, @Nullable String priceEntry) {

	/**
	 * Describe the usage of a model.
	 * @param usage the usage
	 * @return its descriptor
	 */
	public static ModelUsageDescriptor of(ModelUsage usage) {
		Double cost = usage.cost();
		PriceSource source = usage.priceSource();
		return new ModelUsageDescriptor(usage.calls(), usage.inputTokens(), usage.cachedInputTokens(),
				usage.outputTokens(), (cost != null) ? JsonValues.cost(cost) : null, source.kind().value(),
				source.name());
	}

}
