package dev.agentobs.internal.cost;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.agentobs.cost.ModelPrice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link PriceCatalogue}: LiteLLM's format and the bundled catalogue.
 */
class PriceCatalogueTests {

	@Test
	void pricesPerTokenArePricesPerMillionTokens() {
		PriceCatalogue catalogue = read("""
				{
				  "sample_spec": { "input_cost_per_token": 0.0, "litellm_provider": "one of ..." },
				  "gpt-4o": {
				    "input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05,
				    "cache_read_input_token_cost": 1.25e-06, "litellm_provider": "openai", "mode": "chat",
				    "supports_vision": true, "search_context_cost_per_query": { "search_context_size_low": 0.03 }
				  },
				  "dall-e-3": { "output_cost_per_image": 0.04, "litellm_provider": "openai" },
				  "last_updated": "2026-07-24T18:23:43.215560+00:00"
				}
				""");
		assertThat(catalogue.prices()).containsOnlyKeys("gpt-4o");
		assertThat(catalogue.prices().get("gpt-4o")).isEqualTo(new ModelPrice(2.50, 10.00, 1.25));
	}

	@Test
	void kindsLeftOutCostWhatTheirBaseKindCosts() {
		PriceCatalogue catalogue = read("""
				{
				  "plain": { "input_cost_per_token": 3e-06 },
				  "anthropic-like": { "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
				    "cache_read_input_token_cost": 3e-07, "cache_creation_input_token_cost": 3.75e-06 },
				  "reasoning-apart": { "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06,
				    "output_cost_per_reasoning_token": 4e-06 },
				  "deepseek-like": { "input_cost_per_token": 2.8e-07, "output_cost_per_token": 4.2e-07,
				    "input_cost_per_token_cache_hit": 2.8e-08 }
				}
				""");
		assertThat(catalogue.prices().get("plain")).isEqualTo(new ModelPrice(3, 0, 3, 3, 0, null));
		assertThat(catalogue.prices().get("anthropic-like")).isEqualTo(new ModelPrice(3, 15, 0.30, 3.75, 15, null));
		assertThat(catalogue.prices().get("reasoning-apart")).isEqualTo(new ModelPrice(1, 2, 1, 1, 4, null));
		assertThat(catalogue.prices().get("deepseek-like")).isEqualTo(new ModelPrice(0.28, 0.42, 0.028));
	}

	@Test
	void longContextPricesAreATierAboveTheirThreshold() {
		PriceCatalogue catalogue = read("""
				{
				  "claude-sonnet-4-5": { "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
				    "cache_read_input_token_cost": 3e-07, "cache_creation_input_token_cost": 3.75e-06,
				    "input_cost_per_token_above_200k_tokens": 6e-06, "output_cost_per_token_above_200k_tokens": 2.25e-05,
				    "cache_read_input_token_cost_above_200k_tokens": 6e-07,
				    "cache_creation_input_token_cost_above_200k_tokens": 7.5e-06,
				    "cache_creation_input_token_cost_above_1hr": 6e-06 },
				  "grok-like": { "input_cost_per_token": 2e-07, "output_cost_per_token": 5e-07,
				    "cache_read_input_token_cost": 5e-08,
				    "input_cost_per_token_above_128k_tokens": 4e-07, "output_cost_per_token_above_128k_tokens": 1e-06 }
				}
				""");
		assertThat(catalogue.prices().get("claude-sonnet-4-5")).isEqualTo(new ModelPrice(3, 15, 0.30)
			.withCacheWrite(3.75)
			.withLongContext(200_000, new ModelPrice(6, 22.50, 0.60).withCacheWrite(7.50)));
		// A kind without a long-context price keeps its price below the threshold
		assertThat(catalogue.prices().get("grok-like"))
			.isEqualTo(new ModelPrice(0.20, 0.50, 0.05).withCacheWrite(0.20)
				.withLongContext(128_000, new ModelPrice(0.40, 1.00, 0.05).withCacheWrite(0.20)));
	}

	@Test
	void metadataNamesTheSourceAndDate() {
		PriceCatalogue catalogue = read("""
				{ "catalogue_metadata": { "source": "Our negotiated prices", "date": "2026-09-01" },
				  "gpt-4o": { "input_cost_per_token": 2e-06, "output_cost_per_token": 8e-06 } }
				""");
		assertThat(catalogue.sources()).containsExactly(new PriceCatalogue.Source("file:prices.json",
				"Our negotiated prices", null, LocalDate.of(2026, 9, 1), 1));
		assertThat(read("{ \"gpt-4o\": { \"input_cost_per_token\": 2e-06 } }").sources())
			.containsExactly(new PriceCatalogue.Source("file:prices.json", null, null, null, 1));
	}

	@Test
	void aLaterCatalogueReplacesEntriesOfTheSameName() {
		PriceCatalogue catalogue = read("""
				{ "gpt-4o": { "input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05 },
				  "gpt-4o-mini": { "input_cost_per_token": 1.5e-07, "output_cost_per_token": 6e-07 } }
				""").and(read("{ \"gpt-4o\": { \"input_cost_per_token\": 2e-06, \"output_cost_per_token\": 8e-06 } }"));
		assertThat(catalogue.prices()).containsEntry("gpt-4o", ModelPrice.of(2, 8))
			.containsEntry("gpt-4o-mini", ModelPrice.of(0.15, 0.60));
		assertThat(catalogue.sources()).hasSize(2);
	}

	@Test
	void badCataloguesNameTheLocationAndTheEntry() {
		assertInvalid("{ \"gpt-4o\": { \"input_cost_per_token\": \"2.5e-06\" } }",
				"entry 'gpt-4o': input_cost_per_token must be a number of 0 or more USD per token, such as 2.5e-06, "
						+ "was \"2.5e-06\"");
		assertInvalid("{ \"gpt-4o\": { \"input_cost_per_token\": 2.5e-06, \"output_cost_per_token\": -1e-05 } }",
				"entry 'gpt-4o': output_cost_per_token must be a number of 0 or more USD per token, such as 2.5e-06, "
						+ "was -0.00001");
		assertInvalid("{ \"gpt-4o\": { \"input_cost_per_token\": 1e400 } }",
				"entry 'gpt-4o': input_cost_per_token must be a number of 0 or more USD per token");
		assertInvalid("{ \"gpt-4o\": 2.5e-06 }", "entry 'gpt-4o' must be an object of prices such as "
				+ "{\"input_cost_per_token\": 2.5e-06, \"output_cost_per_token\": 1e-05}, was 0.0000025");
		assertInvalid("{ \"x\": { \"input_cost_per_token\": 1e-06, \"input_cost_per_token_above_128k_tokens\": 2e-06, "
				+ "\"output_cost_per_token_above_200k_tokens\": 3e-06 } }",
				"entry 'x' has long-context prices above 128k and above 200k tokens: one threshold is read");
		assertInvalid("{ \"catalogue_metadata\": { \"date\": \"August\" }, \"x\": { \"input_cost_per_token\": 1e-06 } }",
				"entry 'catalogue_metadata': date must be a day such as 2026-08-01, was \"August\"");
		assertInvalid("{ \"gpt-4o\": { \"input_per_million\": 2.5 } }", "no entry has an input_cost_per_token");
		assertInvalid("[1, 2]", "it must be a JSON object of model names to prices");
		assertInvalid("{ \"gpt-4o\": { \"input_cost_per_token\": 2.5e-06, } }",
				"not valid JSON at line 1, column 48: expected a member name in double quotes");
	}

	@Test
	void aStreamThatFailsIsAnInvalidCatalogue() {
		InputStream failing = new InputStream() {
			@Override
			public int read() throws IOException {
				throw new IOException("disk on fire");
			}
		};
		assertThatExceptionOfType(InvalidPriceCatalogueException.class)
			.isThrownBy(() -> PriceCatalogue.read("file:prices.json", failing))
			.withMessage("Price catalogue file:prices.json cannot be read: it cannot be read (disk on fire)");
	}

	@Test
	void bundledCatalogueIsDatedAndNamesItsSource() {
		PriceCatalogue.Source source = PriceCatalogue.bundled().sources().get(0);
		assertThat(source.location()).isEqualTo("classpath:dev/agentobs/cost/model-prices.json");
		assertThat(source.name()).isEqualTo("LiteLLM model_prices_and_context_window.json");
		assertThat(source.url()).startsWith("https://github.com/BerriAI/litellm/");
		assertThat(source.date()).isAfter(LocalDate.of(2026, 1, 1));
		assertThat(source.models()).isEqualTo(PriceCatalogue.bundled().prices().size()).isBetween(100, 500);
	}

	@Test
	void bundledCatalogueHasCurrentModelsOfEveryWellKnownProvider() {
		assertThat(PriceCatalogue.bundled().prices()).containsKeys(
				// openai, anthropic, gcp.gemini, gcp.vertex_ai
				"gpt-4o", "gpt-4.1-mini", "claude-sonnet-4-5", "claude-opus-4-6", "gemini/gemini-2.5-flash",
				"gemini-2.5-flash", "gemini-2.5-pro", "vertex_ai/claude-sonnet-4-5",
				// aws.bedrock, azure.ai.openai
				"us.anthropic.claude-sonnet-4-5-20250929-v1:0", "amazon.nova-pro-v1:0", "azure/gpt-4o",
				// mistral_ai, deepseek, x_ai, groq, cohere
				"mistral/mistral-large-latest", "deepseek-chat", "xai/grok-4", "groq/llama-3.3-70b-versatile",
				"command-a-03-2025");
	}

	@Test
	void bundledPricesAreTheFilesPricesPerMillionTokens() throws IOException {
		JsonNode file;
		try (InputStream input = getClass().getResourceAsStream("/dev/agentobs/cost/model-prices.json")) {
			file = JsonMapper.shared().readTree(input);
		}
		Map<String, ModelPrice> prices = PriceCatalogue.bundled().prices();
		assertThat(prices).hasSize(file.size() - 1);
		prices.forEach((model, price) -> {
			JsonNode entry = file.get(model);
			assertThat(price.input()).as(model).isCloseTo(entry.get("input_cost_per_token").asDouble() * 1e6,
					within(1e-9));
			assertThat(price.output()).as(model).isCloseTo(entry.get("output_cost_per_token").asDouble() * 1e6,
					within(1e-9));
			if (entry.has("cache_read_input_token_cost")) {
				assertThat(price.cachedInput()).as(model)
					.isCloseTo(entry.get("cache_read_input_token_cost").asDouble() * 1e6, within(1e-9));
			}
		});
	}

	private static PriceCatalogue read(String json) {
		return PriceCatalogues.read("file:prices.json", json);
	}

	private static void assertInvalid(String json, String reason) {
		assertThatExceptionOfType(InvalidPriceCatalogueException.class).as(json).isThrownBy(() -> read(json))
			.satisfies((ex) -> {
				assertThat(ex.location()).isEqualTo("file:prices.json");
				assertThat(ex.reason()).startsWith(reason);
				assertThat(ex.getMessage()).startsWith("Price catalogue file:prices.json cannot be read: " + reason);
			});
	}

}
