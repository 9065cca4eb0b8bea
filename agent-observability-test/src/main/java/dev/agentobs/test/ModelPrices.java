package dev.agentobs.test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

import dev.agentobs.api.AgentOperation;

/**
 * Prices of models in USD per million tokens, for cost assertions. Read from the
 * application's {@code monitoring.cost.models.<model>.input} and {@code .output}, the same
 * keys the starter prices its cost metrics with, or given by the test:
 *
 * <pre class="code">
 * ModelPrices prices = ModelPrices.of("gpt-4o", 2.50, 10.00).and("gpt-4o-mini", 0.15, 0.60);
 * assertThat(recorded).hasAgentRun("research-agent").withCostAtMost(0.01, prices);
 * </pre>
 *
 * Immutable.
 *
 * @since 0.1.0
 */
public final class ModelPrices {

	/**
	 * The key the application configures its prices under.
	 */
	public static final String PROPERTY_PREFIX = "monitoring.cost.models";

	private static final ModelPrices NONE = new ModelPrices(Map.of());

	private static final double TOKENS_PER_PRICE = 1_000_000d;

	private final Map<String, Price> prices;

	private ModelPrices(Map<String, Price> prices) {
		this.prices = prices;
	}

	/**
	 * No prices at all.
	 * @return prices that know no model
	 */
	public static ModelPrices none() {
		return NONE;
	}

	/**
	 * The price of one model.
	 * @param model the model as the application requests it, such as {@code gpt-4o}
	 * @param inputUsdPerMillionTokens USD per million input tokens
	 * @param outputUsdPerMillionTokens USD per million output tokens
	 * @return the prices
	 */
	public static ModelPrices of(String model, double inputUsdPerMillionTokens, double outputUsdPerMillionTokens) {
		return NONE.and(model, inputUsdPerMillionTokens, outputUsdPerMillionTokens);
	}

	/**
	 * The prices the application configures under {@value #PROPERTY_PREFIX}.
	 * @param environment the application's environment
	 * @return the prices, none when nothing is configured
	 */
	public static ModelPrices from(Environment environment) {
		Assert.notNull(environment, "environment must not be null");
		Map<String, Price> prices = Binder.get(environment)
			.bind(PROPERTY_PREFIX, Bindable.mapOf(String.class, Price.class))
			.orElse(Map.of());
		return prices.isEmpty() ? NONE : new ModelPrices(Collections.unmodifiableMap(new LinkedHashMap<>(prices)));
	}

	/**
	 * These prices and one more, which replaces any price the model already had.
	 * @param model the model as the application requests it, such as {@code gpt-4o}
	 * @param inputUsdPerMillionTokens USD per million input tokens
	 * @param outputUsdPerMillionTokens USD per million output tokens
	 * @return new prices
	 */
	public ModelPrices and(String model, double inputUsdPerMillionTokens, double outputUsdPerMillionTokens) {
		Assert.hasText(model, "model must not be empty");
		Map<String, Price> prices = new LinkedHashMap<>(this.prices);
		prices.put(model, new Price(inputUsdPerMillionTokens, outputUsdPerMillionTokens));
		return new ModelPrices(Collections.unmodifiableMap(prices));
	}

	/**
	 * The price of a model.
	 * @param model the model
	 * @return its price, or {@code null} when unknown
	 */
	public @Nullable Price priceOf(String model) {
		return this.prices.get(model);
	}

	/**
	 * The price of a model call: that of the model it asked for, else that of the model that
	 * answered.
	 * @param modelCall a model call
	 * @return its price, or {@code null} when neither model has one
	 */
	public @Nullable Price priceOf(AgentOperation modelCall) {
		String requestModel = modelCall.requestModel();
		Price price = (requestModel != null) ? this.prices.get(requestModel) : null;
		String responseModel = modelCall.responseModel();
		if (price == null && responseModel != null) {
			price = this.prices.get(responseModel);
		}
		return price;
	}

	/**
	 * The models that have a price.
	 * @return the models, in the order they were given
	 */
	public Set<String> models() {
		return this.prices.keySet();
	}

	@Override
	public String toString() {
		return "ModelPrices" + this.prices;
	}

	/**
	 * The price of one model.
	 *
	 * @param input USD per million input tokens
	 * @param output USD per million output tokens
	 */
	public record Price(double input, double output) {

		public Price {
			Assert.isTrue(input >= 0 && output >= 0,
					() -> "prices must be 0 or more USD per million tokens, were input " + input + " and output "
							+ output);
		}

		/**
		 * What a call with these tokens costs.
		 * @param inputTokens input tokens
		 * @param outputTokens output tokens
		 * @return the cost in USD
		 */
		public double cost(long inputTokens, long outputTokens) {
			return (inputTokens * this.input + outputTokens * this.output) / TOKENS_PER_PRICE;
		}

		@Override
		public String toString() {
			return "input " + this.input + ", output " + this.output + " USD per million tokens";
		}

	}

}
