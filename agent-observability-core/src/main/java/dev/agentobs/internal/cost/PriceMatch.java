package dev.agentobs.internal.cost;

import org.jspecify.annotations.Nullable;

import dev.agentobs.cost.ModelPrice;
import dev.agentobs.cost.PriceSource;
import dev.agentobs.operation.TokenUsage;

/**
 * The price found for a model name and where it came from. Found once per name and kept, so
 * that pricing a call looks nothing up but the name.
 *
 * @param price the price, or {@code null} when the model has none
 * @param source where the price came from
 * @since 0.1.0
 */
public record PriceMatch(@Nullable ModelPrice price, PriceSource source) {

	/** No price: the cost is unknown. */
	public static final PriceMatch UNKNOWN = new PriceMatch(null, PriceSource.unknown());

	/**
	 * Whether a price was found.
	 * @return {@code true} when the cost is known
	 */
	public boolean known() {
		return this.price != null;
	}

	/**
	 * The cost of a call's tokens at this price.
	 * @param tokens the call's tokens
	 * @return the cost in USD, or {@link Double#NaN} when there is no price
	 */
	public double costOf(TokenUsage tokens) {
		return (this.price != null) ? this.price.cost(tokens) : Double.NaN;
	}

}
