package dev.agentobs.test;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import dev.agentobs.cost.ModelPrice;
import dev.agentobs.internal.cost.PriceCatalogue;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.ModelCall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ModelPrices}.
 */
class ModelPricesTests {

	@Test
	void pricesAreReadFromTheStartersCostProperties() {
		MockEnvironment environment = new MockEnvironment().withProperty("monitoring.cost.models.gpt-4o.input", "2.50")
			.withProperty("monitoring.cost.models.gpt-4o.output", "10.00")
			.withProperty("monitoring.cost.models[claude-sonnet-4.5].input", "3")
			.withProperty("monitoring.cost.models[claude-sonnet-4.5].output", "15");
		ModelPrices prices = ModelPrices.from(environment);
		assertThat(prices.models()).containsExactlyInAnyOrder("gpt-4o", "claude-sonnet-4.5");
		assertThat(prices.priceOf("gpt-4o")).isEqualTo(ModelPrice.of(2.50, 10.00));
		assertThat(prices.priceOf("claude-sonnet-4.5")).isEqualTo(ModelPrice.of(3, 15));
	}

	@Test
	void noPricesAreConfiguredUnlessTheApplicationSetsThem() {
		assertThat(ModelPrices.from(new MockEnvironment()).models()).isEmpty();
	}

	@Test
	void modelsWithoutConfiguredPricesArePricedByTheCatalogueAsTheStarterPricesThem() {
		ModelPrices prices = ModelPrices.from(new MockEnvironment());
		assertThat(prices.priceOf("gpt-4o")).isNotNull().isEqualTo(PriceCatalogue.bundled().prices().get("gpt-4o"));
		assertThat(prices.and("gpt-4o-mini", 1, 2).priceOf("gpt-4o")).isEqualTo(prices.priceOf("gpt-4o"));
		assertThat(ModelPrices.from(new MockEnvironment().withProperty("monitoring.cost.bundled-catalog", "false"))
			.priceOf("gpt-4o")).isNull();
		assertThat(ModelPrices.from(new MockEnvironment().withProperty("monitoring.cost.aliases.[prod-*]", "gpt-4o"))
			.priceOf("prod-east")).isEqualTo(prices.priceOf("gpt-4o"));
	}

	@Test
	void aCallCostsItsTokensAtThePricePerMillion() {
		assertThat(ModelPrice.of(2.50, 10.00).cost(1_000_000, 0, 500_000)).isEqualTo(7.50);
	}

	@Test
	void aModelCallIsPricedByTheModelAskedForElseTheOneThatAnswered() {
		ModelPrices prices = ModelPrices.of("gpt-4o", 2.50, 10.00).and("gpt-4o-2024-08-06", 5, 15);
		ModelCall asked = AgentOperation.modelCall("openai", "gpt-4o").responseModel("gpt-4o-2024-08-06").build();
		ModelCall answered = AgentOperation.modelCall("openai", "gpt-4o-latest")
			.responseModel("gpt-4o-2024-08-06")
			.build();
		ModelCall unknown = AgentOperation.modelCall("openai", "o3").build();
		assertThat(prices.priceOf(asked)).isEqualTo(ModelPrice.of(2.50, 10.00));
		assertThat(prices.priceOf(answered)).isEqualTo(ModelPrice.of(5, 15));
		assertThat(prices.priceOf(unknown)).isNull();
	}

	@Test
	void negativePricesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ModelPrices.of("gpt-4o", -1, 10))
			.withMessage("prices must be 0 or more USD per million tokens, were input -1.0 and output 10.0");
	}

}
