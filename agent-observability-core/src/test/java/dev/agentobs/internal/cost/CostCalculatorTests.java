package dev.agentobs.internal.cost;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.agentobs.cost.ModelPrice;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.ModelCall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link CostCalculator} and {@link ModelPrice}.
 */
@ExtendWith(OutputCaptureExtension.class)
class CostCalculatorTests {

	private final CostCalculator calculator = new CostCalculator(
			Map.of("gpt-4o", new ModelPrice(2.50, 10.00, 1.25), "claude-sonnet-4", ModelPrice.of(3.00, 15.00)));

	@Test
	void costIsTokensTimesPricePerMillion() {
		// 1,000 input tokens at $2.50/M and 500 output tokens at $10/M
		assertThat(this.calculator.costOf(call("gpt-4o", 1_000, 0, 500))).isCloseTo(0.0075, within(1e-12));
		assertThat(this.calculator.costOf(call("claude-sonnet-4", 2_000_000, 0, 1_000_000))).isCloseTo(21.00,
				within(1e-9));
	}

	@Test
	void cachedInputTokensArePartOfInputTokensAndPricedAtTheCachedPrice() {
		// 1,000 input tokens of which 800 cached: 200 at $2.50/M + 800 at $1.25/M + 100 output at $10/M
		assertThat(this.calculator.costOf(call("gpt-4o", 1_000, 800, 100))).isCloseTo(0.0005 + 0.001 + 0.001,
				within(1e-12));
	}

	@Test
	void cachedInputTokensCostTheInputPriceWhenNoCachedPriceIsSet() {
		assertThat(this.calculator.costOf(call("claude-sonnet-4", 1_000, 800, 0))).isCloseTo(0.003, within(1e-12));
	}

	@Test
	void modelsAreFoundIgnoringCase() {
		assertThat(this.calculator.priceOf("GPT-4o")).isEqualTo(new ModelPrice(2.50, 10.00, 1.25));
	}

	@Test
	void modelWithoutPriceHasUnknownCostAndOneWarningNamingTheKeys(CapturedOutput output) {
		assertThat(this.calculator.costOf(call("llama3", 1_000, 0, 100))).isNaN();
		assertThat(this.calculator.costOf(call("llama3", 1_000, 0, 100))).isNaN();
		assertThat(this.calculator.costOf(call("gemini-2.5-pro", 1_000, 0, 100))).isNaN();
		assertThat(output).containsOnlyOnce("No price for model 'llama3'")
			.contains("monitoring.cost.models.llama3.input")
			.contains("monitoring.cost.models.llama3.output")
			.contains("monitoring.cost.models[gemini-2.5-pro].input");
	}

	@Test
	void aCallOfAModelWithoutPriceIsPricedByTheModelThatAnswered() {
		ModelCall alias = AgentOperation.modelCall("openai", "gpt-4o-latest")
			.responseModel("gpt-4o")
			.tokens(1_000, 500)
			.build();
		assertThat(this.calculator.costOf(alias)).isCloseTo(0.0075, within(1e-12));
	}

	@Test
	void otherOperationsHaveNoCost() {
		CostTracker tracker = new CostTracker(this.calculator, new TagValueLimits(10), Clock.systemUTC(),
				ZoneOffset.UTC);
		tracker.accept(AgentOperation.toolCall("web_search").build());
		assertThat(tracker.today().calls()).isZero();
		assertThat(tracker.today().cost()).isZero();
	}

	@Test
	void negativePricesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ModelPrice.of(-1, 10))
			.withMessageContaining("input must be 0 or more");
	}

	static ModelCall call(String model, long input, long cachedInput, long output) {
		return AgentOperation.modelCall("openai", model)
			.tokens(input, output)
			.cachedInputTokens(cachedInput)
			.agentName("research-agent")
			.build();
	}

}
