package dev.agentobs.autoconfigure;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import dev.agentobs.cost.ModelPrice;

/**
 * Cost of model calls, under {@code monitoring.cost.*}: from the tokens they used and the
 * prices of their models.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("monitoring.cost")
public class AgentCostProperties implements Validator {

	/**
	 * Prices per model, keyed by the requested model name, in USD per million tokens. Put
	 * names with dots or other punctuation in brackets: "[gemini-2.5-pro]". A model without a
	 * price has an unknown cost, not a zero one.
	 */
	private final Map<String, Price> models = new LinkedHashMap<>();

	/**
	 * The time zone whose calendar day "today" is, for the cost and tokens of the day.
	 */
	private ZoneId zone = ZoneId.of("UTC");

	public Map<String, Price> getModels() {
		return this.models;
	}

	public ZoneId getZone() {
		return this.zone;
	}

	public void setZone(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * The prices of the models, as the core reads them.
	 * @return the price of each model
	 */
	Map<String, ModelPrice> toModelPrices() {
		Map<String, ModelPrice> prices = new LinkedHashMap<>();
		this.models.forEach((model, price) -> prices.put(model, price.toModelPrice()));
		return prices;
	}

	@Override
	public boolean supports(Class<?> type) {
		return AgentCostProperties.class == type || Price.class == type;
	}

	@Override
	public void validate(Object target, Errors errors) {
		if (target instanceof AgentCostProperties cost) {
			PropertyErrors.check(errors, cost.zone != null, "zone", cost.zone, "a time zone such as UTC or Europe/Paris");
		}
		else if (target instanceof Price price) {
			price.validate(errors);
		}
	}

	/**
	 * The price of one model in USD per million tokens.
	 */
	public static class Price {

		/**
		 * USD per million input tokens.
		 */
		private @Nullable Double input;

		/**
		 * USD per million output tokens.
		 */
		private @Nullable Double output;

		/**
		 * USD per million input tokens served from the provider's prompt cache; the input
		 * price when not set.
		 */
		private @Nullable Double cachedInput;

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

		/**
		 * The price as the core reads it: a price left out is 0, and cached input tokens
		 * cost the input price unless {@code cached-input} is set.
		 * @return the model's price
		 */
		public ModelPrice toModelPrice() {
			double input = (this.input != null) ? this.input : 0;
			return new ModelPrice(input, (this.output != null) ? this.output : 0,
					(this.cachedInput != null) ? this.cachedInput : input);
		}

		private void validate(Errors errors) {
			// Both prices or none: a price left out would make every call of the model look cheaper
			PropertyErrors.check(errors, this.input != null, "input", null,
					"set when a model has a price: USD per million input tokens, such as 2.50");
			PropertyErrors.check(errors, this.output != null, "output", null,
					"set when a model has a price: USD per million output tokens, such as 10.00 (0 for a model "
							+ "that charges no output, such as an embedding model)");
			check(errors, "input", this.input);
			check(errors, "output", this.output);
			check(errors, "cached-input", this.cachedInput);
		}

		private static void check(Errors errors, String field, @Nullable Double price) {
			if (price != null) {
				PropertyErrors.check(errors, field, () -> ModelPrice.checkPrice(field, price));
			}
		}

	}

}
