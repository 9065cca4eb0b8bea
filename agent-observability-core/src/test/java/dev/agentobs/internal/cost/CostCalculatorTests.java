package dev.agentobs.internal.cost;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
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

	static final PriceCatalogue CATALOGUE = PriceCatalogues.read("file:prices.json", """
			{
			  "gpt-4o": { "input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05 },
			  "gpt-4o-2024-05-13": { "input_cost_per_token": 5e-06, "output_cost_per_token": 1.5e-05 },
			  "claude-sonnet-4-5": { "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
			    "input_cost_per_token_above_200k_tokens": 6e-06, "output_cost_per_token_above_200k_tokens": 2.25e-05 },
			  "claude-haiku-4-5-20250101": { "input_cost_per_token": 5e-07, "output_cost_per_token": 2e-06 },
			  "claude-haiku-4-5-20251001": { "input_cost_per_token": 1e-06, "output_cost_per_token": 5e-06 },
			  "gemini/gemini-3-flash": { "input_cost_per_token": 5e-07, "output_cost_per_token": 3e-06 },
			  "vertex_ai/gemini-3-flash": { "input_cost_per_token": 6e-07, "output_cost_per_token": 3e-06 },
			  "xai/grok-4": { "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05 },
			  "mistral/mistral-large-latest": { "input_cost_per_token": 5e-07, "output_cost_per_token": 1.5e-06 },
			  "groq/llama-3.1-8b-instant": { "input_cost_per_token": 5e-08, "output_cost_per_token": 8e-08 }
			}
			""");

	static final Map<String, String> ALIASES = aliases("prod-gpt4o*", "gpt-4o", "llama3.1:*", "llama-3.1-8b-instant");

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
	void everyKindOfTokenOfACallIsPricedOnceAtItsPrice() {
		// 10,000 input tokens: 6,000 read from the cache at $0.30/M, 1,000 written to it at $3.75/M,
		// 3,000 at $3/M; 2,000 output tokens, 500 of them reasoning: 1,500 at $15/M, 500 at $20/M
		CostCalculator calculator = new CostCalculator(
				Map.of("claude-sonnet-4-5", new ModelPrice(3, 15, 0.30).withCacheWrite(3.75).withReasoning(20)));
		ModelCall call = AgentOperation.modelCall("anthropic", "claude-sonnet-4-5")
			.tokens(10_000, 2_000)
			.cacheReadTokens(6_000)
			.cacheWriteTokens(1_000)
			.reasoningTokens(500)
			.build();
		// 9,000 + 1,800 + 3,750 + 22,500 + 10,000 millionths of a USD
		assertThat(calculator.costOf(call)).isCloseTo(0.04705, within(1e-12));
	}

	@Test
	void reasoningTokensArePartOfOutputTokensSoAreNotChargedTwice() {
		// OpenAI's 300 output tokens include its 200 reasoning tokens: at the output price, the
		// call costs what the output tokens alone cost: 600 x 2.50 + 400 x 1.25 + 300 x 10.00
		ModelCall call = AgentOperation.modelCall("openai", "gpt-4o")
			.tokens(1_000, 300)
			.cacheReadTokens(400)
			.reasoningTokens(200)
			.build();
		assertThat(this.calculator.costOf(call)).isCloseTo(0.0050, within(1e-12));
		// Priced apart at $12/M, the 200 reasoning tokens add only their difference from the
		// output price: 200 x (12.00 - 10.00) = 400 millionths
		CostCalculator reasoningApart = new CostCalculator(
				Map.of("gpt-4o", new ModelPrice(2.50, 10.00, 1.25).withReasoning(12.00)));
		assertThat(reasoningApart.costOf(call)).isCloseTo(0.0054, within(1e-12));
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
	void namesMatchExactlyThenWithoutADateThenWithTheProvidersPrefixThenByAlias() {
		CostCalculator calculator = new CostCalculator(Map.of(), CATALOGUE, ALIASES);
		assertThat(source(calculator, "openai", "gpt-4o")).isEqualTo("catalogue gpt-4o");
		assertThat(source(calculator, "openai", "GPT-4O")).isEqualTo("catalogue gpt-4o");
		// A dated entry of its own wins; a date the catalogue does not know is its undated entry
		assertThat(source(calculator, "openai", "gpt-4o-2024-05-13")).isEqualTo("catalogue gpt-4o-2024-05-13");
		assertThat(source(calculator, "openai", "gpt-4o-2024-08-06")).isEqualTo("catalogue gpt-4o");
		assertThat(source(calculator, "anthropic", "claude-sonnet-4-5-20250929")).isEqualTo("catalogue claude-sonnet-4-5");
		assertThat(source(calculator, "gcp.vertex_ai", "claude-sonnet-4-5@20250929"))
			.isEqualTo("catalogue claude-sonnet-4-5");
		// An undated name is its latest dated entry when the catalogue has no undated one
		assertThat(source(calculator, "anthropic", "claude-haiku-4-5")).isEqualTo("catalogue claude-haiku-4-5-20251001");
		// The provider's prefix first, then the other providers'
		assertThat(source(calculator, "gcp.gemini", "gemini-3-flash")).isEqualTo("catalogue gemini/gemini-3-flash");
		assertThat(source(calculator, "gcp.vertex_ai", "gemini-3-flash"))
			.isEqualTo("catalogue vertex_ai/gemini-3-flash");
		assertThat(source(calculator, "x_ai", "grok-4")).isEqualTo("catalogue xai/grok-4");
		assertThat(source(calculator, "openai", "grok-4")).isEqualTo("catalogue xai/grok-4");
		assertThat(source(calculator, "mistral_ai", "mistral-large-latest"))
			.isEqualTo("catalogue mistral/mistral-large-latest");
		// Aliases last, in order, case ignored
		assertThat(source(calculator, "azure.ai.openai", "Prod-GPT4o-East")).isEqualTo("catalogue gpt-4o");
		assertThat(source(calculator, "ollama", "llama3.1:8b")).isEqualTo("catalogue groq/llama-3.1-8b-instant");
		assertThat(source(calculator, "ollama", "llama3")).isEqualTo("unknown");
	}

	@Test
	void configuredPricesWinOverTheCataloguesAtEachRule() {
		CostCalculator calculator = new CostCalculator(
				Map.of("gpt-4o", ModelPrice.of(2.00, 8.00), "grok-4", ModelPrice.of(1, 2)), CATALOGUE, Map.of());
		assertThat(calculator.priceOf("gpt-4o")).isEqualTo(ModelPrice.of(2.00, 8.00));
		assertThat(source(calculator, "openai", "gpt-4o-2024-08-06")).isEqualTo("configured gpt-4o");
		// The catalogue's own entry of the dated name is an exact match, found before any undated one
		assertThat(source(calculator, "openai", "gpt-4o-2024-05-13")).isEqualTo("catalogue gpt-4o-2024-05-13");
		assertThat(source(calculator, "x_ai", "grok-4")).isEqualTo("configured grok-4");
	}

	@Test
	void catalogueAndAliasesPriceTheWholeCall() {
		CostCalculator calculator = new CostCalculator(Map.of(), CATALOGUE, ALIASES);
		// 300,000 input tokens are above Sonnet's 200k threshold: every token at the long-context price
		ModelCall longPrompt = AgentOperation.modelCall("anthropic", "claude-sonnet-4-5")
			.tokens(300_000, 1_000)
			.build();
		assertThat(calculator.costOf(longPrompt)).isCloseTo((300_000 * 6 + 1_000 * 22.50) / 1e6, within(1e-12));
		assertThat(calculator.costOf(call("prod-gpt4o", 1_000, 0, 500))).isCloseTo(0.0075, within(1e-12));
	}

	@Test
	void eachNameIsMatchedOnceAndKept() {
		CostCalculator calculator = new CostCalculator(Map.of(), CATALOGUE, ALIASES);
		PriceMatch first = calculator.matchOf(call("prod-gpt4o-west", 1, 0, 1));
		assertThat(calculator.matchOf(call("prod-gpt4o-west", 2, 0, 2))).isSameAs(first);
		assertThat(calculator.matchOf(call("gpt-4o", 2, 0, 2))).isSameAs(calculator.matchOf(call("gpt-4o", 3, 0, 3)));
	}

	@Test
	void anAliasOfAModelWithoutPriceIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CostCalculator(Map.of(), CATALOGUE, Map.of("my-*", "gpt-9")))
			.withMessage("alias 'my-*' must name a model of the price catalogue or of monitoring.cost.models, "
					+ "such as gpt-4o, was 'gpt-9'");
		// An alias does not lead to another alias
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CostCalculator(Map.of(), CATALOGUE, Map.of("a", "gpt-4o", "b", "a")));
	}

	@Test
	void unknownModelsAreWarnedAboutOnceNamingTheKeyAndTheAliases(CapturedOutput output) {
		CostCalculator calculator = new CostCalculator(Map.of(), CATALOGUE, Map.of());
		for (int i = 0; i < 3; i++) {
			assertThat(calculator.costOf(call("llama3", 1_000, 0, 100))).isNaN();
		}
		assertThat(output).containsOnlyOnce("No price for model 'llama3'")
			.contains("Set monitoring.cost.models.llama3.input and monitoring.cost.models.llama3.output")
			.contains("or monitoring.cost.aliases[llama3] to a model of the price catalogue");
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

	private static String source(CostCalculator calculator, String provider, String model) {
		ModelCall call = AgentOperation.modelCall(provider, model).tokens(1, 1).build();
		return calculator.matchOf(call).source().toString();
	}

	private static Map<String, String> aliases(String... patternsAndModels) {
		Map<String, String> aliases = new LinkedHashMap<>();
		for (int i = 0; i < patternsAndModels.length; i += 2) {
			aliases.put(patternsAndModels[i], patternsAndModels[i + 1]);
		}
		return aliases;
	}

	static ModelCall call(String model, long input, long cachedInput, long output) {
		return AgentOperation.modelCall("openai", model)
			.tokens(input, output)
			.cachedInputTokens(cachedInput)
			.agentName("research-agent")
			.build();
	}

}
