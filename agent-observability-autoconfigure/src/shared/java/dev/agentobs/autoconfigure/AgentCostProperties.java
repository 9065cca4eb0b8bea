package dev.agentobs.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ResourceUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import dev.agentobs.cost.ModelPrice;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.cost.InvalidPriceCatalogueException;
import dev.agentobs.internal.cost.PriceCatalogue;

/**
 * Cost of model calls, under {@code monitoring.cost.*}: from the tokens they used and the
 * prices of their models, configured or from the price catalogue.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("monitoring.cost")
public class AgentCostProperties implements Validator {

	private static final String PREFIX = "monitoring.cost.";

	/**
	 * Prices per model, keyed by the requested model name, in USD per million tokens; they win
	 * over the catalogue's. Put names with dots or other punctuation in brackets:
	 * "[gemini-2.5-pro]". A model without a price has an unknown cost, not a zero one.
	 */
	private final Map<String, Price> models = new LinkedHashMap<>();

	/**
	 * A price catalogue in the format of LiteLLM's model_prices_and_context_window.json (USD per
	 * token), read on top of the bundled one, whose entries of the same name it replaces: a
	 * file path, or a location starting with classpath:, file: or a URL scheme.
	 */
	private @Nullable String catalog;

	/**
	 * Whether the price catalogue bundled in the starter prices models. Without it, only
	 * monitoring.cost.catalog and monitoring.cost.models do.
	 */
	private boolean bundledCatalog = true;

	/**
	 * Patterns of requested model names ('*' for any characters, case ignored) to the model of
	 * the catalogue or of monitoring.cost.models whose price they have, such as
	 * "[prod-gpt4o-*]": gpt-4o. Tried in order, for names that match no price otherwise.
	 */
	private final Map<String, String> aliases = new LinkedHashMap<>();

	/**
	 * The time zone whose calendar day "today" is, for the cost and tokens of the day.
	 */
	private ZoneId zone = ZoneId.of("UTC");

	public Map<String, Price> getModels() {
		return this.models;
	}

	public @Nullable String getCatalog() {
		return this.catalog;
	}

	public void setCatalog(@Nullable String catalog) {
		this.catalog = catalog;
	}

	public boolean isBundledCatalog() {
		return this.bundledCatalog;
	}

	public void setBundledCatalog(boolean bundledCatalog) {
		this.bundledCatalog = bundledCatalog;
	}

	public Map<String, String> getAliases() {
		return this.aliases;
	}

	public ZoneId getZone() {
		return this.zone;
	}

	public void setZone(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * The calculator of these properties: the configured prices, then the catalogue (the
	 * bundled one unless turned off, then {@code catalog}), then the aliases.
	 * @param resourceLoader resolves {@code catalog}
	 * @return the calculator
	 * @throws InvalidConfigurationPropertyValueException naming the key when the catalogue
	 * cannot be read or an alias names a model without a price
	 */
	public CostCalculator createCostCalculator(ResourceLoader resourceLoader) {
		Map<String, ModelPrice> prices = new LinkedHashMap<>();
		this.models.forEach((model, price) -> prices.put(model, price.toModelPrice()));
		PriceCatalogue catalogue = this.bundledCatalog ? PriceCatalogue.bundled() : PriceCatalogue.empty();
		if (this.catalog != null && !this.catalog.isBlank()) {
			catalogue = catalogue.and(readCatalog(this.catalog, resourceLoader));
		}
		// Each alias checked alone, so that the failure names its key
		CostCalculator withoutAliases = new CostCalculator(prices, catalogue, Map.of());
		this.aliases.forEach((pattern, model) -> {
			try {
				withoutAliases.checkAlias(pattern, model);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "aliases[" + pattern + "]", model,
						ex.getMessage());
			}
		});
		return this.aliases.isEmpty() ? withoutAliases : new CostCalculator(prices, catalogue, this.aliases);
	}

	private static PriceCatalogue readCatalog(String location, ResourceLoader resourceLoader) {
		// A bare path is a file, as logging.config reads it, not a class-path resource
		Resource resource = (location.startsWith(ResourceLoader.CLASSPATH_URL_PREFIX) || ResourceUtils.isUrl(location))
				? resourceLoader.getResource(location) : new FileSystemResource(location);
		try (InputStream input = resource.getInputStream()) {
			return PriceCatalogue.read(location, input);
		}
		catch (IOException ex) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "catalog", location,
					"catalog must be a readable price catalogue in LiteLLM's format, such as file:./model-prices.json, "
							+ "was " + location + " (" + ex.getMessage() + ")");
		}
		catch (InvalidPriceCatalogueException ex) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "catalog", location,
					"catalog " + location + " is not a valid price catalogue: " + ex.reason());
		}
	}

	@Override
	public boolean supports(Class<?> type) {
		return AgentCostProperties.class == type || Price.class == type || LongContextPrice.class == type;
	}

	@Override
	public void validate(Object target, Errors errors) {
		if (target instanceof AgentCostProperties cost) {
			PropertyErrors.check(errors, cost.zone != null, "zone", cost.zone, "a time zone such as UTC or Europe/Paris");
		}
		else if (target instanceof Price price) {
			price.validate(errors);
		}
		else if (target instanceof LongContextPrice longContext) {
			longContext.validate(errors);
		}
	}

	/**
	 * Prices of the kinds of token a price and its long-context price share, in USD per
	 * million tokens.
	 */
	public abstract static class TokenPrices {

		/**
		 * USD per million input tokens.
		 */
		private @Nullable Double input;

		/**
		 * USD per million output tokens.
		 */
		private @Nullable Double output;

		/**
		 * USD per million input tokens read from the provider's prompt cache.
		 */
		private @Nullable Double cachedInput;

		/**
		 * USD per million input tokens written to the provider's prompt cache.
		 */
		private @Nullable Double cacheWrite;

		public @Nullable Double getInput() {
			return this.input;
		}

		public void setInput(@Nullable Double input) {
			this.input = input;
		}

		public @Nullable Double getOutput() {
			return this.output;
		}

		public void setOutput(@Nullable Double output) {
			this.output = output;
		}

		public @Nullable Double getCachedInput() {
			return this.cachedInput;
		}

		public void setCachedInput(@Nullable Double cachedInput) {
			this.cachedInput = cachedInput;
		}

		public @Nullable Double getCacheWrite() {
			return this.cacheWrite;
		}

		public void setCacheWrite(@Nullable Double cacheWrite) {
			this.cacheWrite = cacheWrite;
		}

		boolean hasPrices() {
			return this.input != null || this.output != null || this.cachedInput != null || this.cacheWrite != null;
		}

		void validatePrices(Errors errors) {
			check(errors, "input", this.input);
			check(errors, "output", this.output);
			check(errors, "cached-input", this.cachedInput);
			check(errors, "cache-write", this.cacheWrite);
		}

	}

	/**
	 * The price of one model in USD per million tokens. Cached input tokens and cache writes
	 * cost the input price unless priced apart.
	 */
	public static class Price extends TokenPrices {

		/**
		 * USD per million reasoning output tokens; the output price when not set.
		 */
		private @Nullable Double reasoning;

		/**
		 * The price of a call of more input tokens than a threshold, for models that charge
		 * more for long prompts.
		 */
		private final LongContextPrice longContext = new LongContextPrice();

		public @Nullable Double getReasoning() {
			return this.reasoning;
		}

		public void setReasoning(@Nullable Double reasoning) {
			this.reasoning = reasoning;
		}

		public LongContextPrice getLongContext() {
			return this.longContext;
		}

		/**
		 * The price as the core reads it: a price left out is 0, cached input tokens and cache
		 * writes cost the input price and reasoning tokens the output price unless set; the
		 * long-context price of a kind left out is its price below the threshold.
		 * @return the model's price
		 */
		public ModelPrice toModelPrice() {
			double input = orElse(getInput(), 0);
			double output = orElse(getOutput(), 0);
			double cachedInput = orElse(getCachedInput(), input);
			double cacheWrite = orElse(getCacheWrite(), input);
			ModelPrice price = new ModelPrice(input, output, cachedInput, cacheWrite, orElse(this.reasoning, output),
					null);
			LongContextPrice tier = this.longContext;
			Long threshold = tier.getAboveInputTokens();
			if (threshold == null) {
				return price;
			}
			double tierOutput = orElse(tier.getOutput(), output);
			return price.withLongContext(threshold,
					new ModelPrice(orElse(tier.getInput(), input), tierOutput,
							orElse(tier.getCachedInput(), cachedInput), orElse(tier.getCacheWrite(), cacheWrite),
							orElse(this.reasoning, tierOutput), null));
		}

		private static double orElse(@Nullable Double price, double absent) {
			return (price != null) ? price : absent;
		}

		private void validate(Errors errors) {
			// Both prices or none: a price left out would make every call of the model look cheaper
			PropertyErrors.check(errors, getInput() != null, "input", null,
					"set when a model has a price: USD per million input tokens, such as 2.50");
			PropertyErrors.check(errors, getOutput() != null, "output", null,
					"set when a model has a price: USD per million output tokens, such as 10.00 (0 for a model "
							+ "that charges no output, such as an embedding model)");
			validatePrices(errors);
			check(errors, "reasoning", this.reasoning);
		}

	}

	/**
	 * The price of a call of more input tokens than a threshold, in USD per million tokens:
	 * every token of such a call costs it. A kind left out costs the model's price of that kind.
	 */
	public static class LongContextPrice extends TokenPrices {

		/**
		 * The input tokens, cached ones included, a call must pass to cost the long-context
		 * price, such as 200000.
		 */
		private @Nullable Long aboveInputTokens;

		public @Nullable Long getAboveInputTokens() {
			return this.aboveInputTokens;
		}

		public void setAboveInputTokens(@Nullable Long aboveInputTokens) {
			this.aboveInputTokens = aboveInputTokens;
		}

		private void validate(Errors errors) {
			// A price without its threshold would never apply
			PropertyErrors.check(errors, !hasPrices() || this.aboveInputTokens != null, "above-input-tokens", null,
					"set when a long-context price is: the input tokens a call must pass, such as 200000");
			if (this.aboveInputTokens != null) {
				long threshold = this.aboveInputTokens;
				PropertyErrors.check(errors, "above-input-tokens",
						() -> ModelPrice.checkThreshold("above-input-tokens", threshold));
			}
			validatePrices(errors);
		}

	}

	private static void check(Errors errors, String field, @Nullable Double price) {
		if (price != null) {
			PropertyErrors.check(errors, field, () -> ModelPrice.checkPrice(field, price));
		}
	}

}
