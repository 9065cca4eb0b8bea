package dev.agentobs.cost;

import org.junit.jupiter.api.Test;

import dev.agentobs.operation.TokenUsage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link ModelPrice} and {@link PriceSource}.
 */
class ModelPriceTests {

	// Claude Sonnet 4.5's figures: input 3, output 15, cache read 0.30, cache write 3.75; above
	// 200k input tokens 6, 22.50, 0.60, 7.50 (USD per million tokens)
	private final ModelPrice sonnet = new ModelPrice(3, 15, 0.30).withCacheWrite(3.75)
		.withLongContext(200_000, new ModelPrice(6, 22.50, 0.60).withCacheWrite(7.50));

	@Test
	void everyKindOfTokenHasItsPrice() {
		// 10,000 input of which 6,000 read from the cache and 1,000 written to it; 2,000 output of
		// which 500 reasoning, priced apart at 20
		ModelPrice price = this.sonnet.withReasoning(20);
		double expected = (3_000 * 3 + 6_000 * 0.30 + 1_000 * 3.75 + 1_500 * 15 + 500 * 20) / 1e6;
		assertThat(price.cost(10_000, 6_000, 1_000, 2_000, 500)).isCloseTo(expected, within(1e-12));
	}

	@Test
	void cacheWritesCostTheInputPriceAndReasoningTheOutputPriceUnlessPricedApart() {
		ModelPrice price = new ModelPrice(2.50, 10.00, 1.25);
		assertThat(price.cacheWrite()).isEqualTo(2.50);
		assertThat(price.reasoning()).isEqualTo(10.00);
		assertThat(price.cost(1_000, 0, 1_000, 100, 100)).isEqualTo(price.cost(1_000, 0, 100));
	}

	@Test
	void kindsAreClampedToTheTokensTheyArePartOf() {
		// More cached and written than input, more reasoning than output, negative counts
		assertThat(this.sonnet.cost(1_000, 5_000, 5_000, 100, 900)).isCloseTo((1_000 * 0.30 + 100 * 15) / 1e6,
				within(1e-12));
		assertThat(this.sonnet.cost(-5, -1, -1, -2, -3)).isZero();
	}

	@Test
	void aCallAboveTheLongContextThresholdIsPricedAtTheLongContextPriceForEveryToken() {
		assertThat(this.sonnet.cost(200_000, 0, 1_000)).isCloseTo((200_000 * 3 + 1_000 * 15) / 1e6, within(1e-12));
		assertThat(this.sonnet.cost(200_001, 100_000, 1_000))
			.isCloseTo((100_001 * 6 + 100_000 * 0.60 + 1_000 * 22.50) / 1e6, within(1e-12));
		assertThat(this.sonnet.cost(new TokenUsage(300_000, 1_000, 0))).isCloseTo((300_000 * 6 + 1_000 * 22.50) / 1e6,
				within(1e-12));
	}

	@Test
	void aCallsTokensArePricedWithEveryKind() {
		// The same call as above, from its TokenUsage: 9,000 + 1,800 + 3,750 + 22,500 + 10,000
		TokenUsage tokens = TokenUsage.of(10_000, 2_000, 6_000, 1_000, 500);
		assertThat(this.sonnet.withReasoning(20).costInMicroUsd(tokens)).isCloseTo(47_050, within(1e-6));
		// Reasoning at the output price: the 2,000 output tokens at $15/M, none counted twice
		assertThat(this.sonnet.cost(tokens)).isCloseTo((3_000 * 3 + 6_000 * 0.30 + 1_000 * 3.75 + 2_000 * 15) / 1e6,
				within(1e-12));
	}

	@Test
	void costInMicroUsdIsExactForWholePrices() {
		assertThat(ModelPrice.of(2.50, 10.00).costInMicroUsd(new TokenUsage(1_000, 100, 0))).isEqualTo(3_500);
	}

	@Test
	void badPricesAndThresholdsAreRejectedNamingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ModelPrice(1, 2, 1, -3, 2, null))
			.withMessage("cacheWrite must be 0 or more USD per million tokens, such as 2.50, was -3.0");
		assertThatIllegalArgumentException().isThrownBy(() -> ModelPrice.of(1, 2).withReasoning(Double.NaN))
			.withMessage("reasoning must be 0 or more USD per million tokens, such as 2.50, was NaN");
		assertThatIllegalArgumentException().isThrownBy(() -> ModelPrice.of(1, 2).withLongContext(0, ModelPrice.of(2, 4)))
			.withMessage("aboveInputTokens must be 1 or more input tokens, such as 200000, was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ModelPrice.of(1, 2).withLongContext(1_000, this.sonnet))
			.withMessageStartingWith("price must not have a long-context price of its own");
	}

	@Test
	void priceSourcesReadAsTheEndpointWritesThem() {
		assertThat(PriceSource.catalogue("gpt-4o")).hasToString("catalogue gpt-4o");
		assertThat(PriceSource.configured("gpt-4o")).hasToString("configured gpt-4o");
		assertThat(PriceSource.unknown()).hasToString("unknown");
		assertThat(PriceSource.unknown().kind().value()).isEqualTo("unknown");
		assertThatIllegalArgumentException().isThrownBy(() -> new PriceSource(PriceSource.Kind.CATALOGUE, null));
	}

}
