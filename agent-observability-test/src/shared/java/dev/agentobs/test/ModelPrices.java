package dev.agentobs.test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.Assert;

import dev.agentobs.autoconfigure.AgentCostProperties;
import dev.agentobs.cost.ModelPrice;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.cost.PriceCatalogue;
import dev.agentobs.operation.ModelCall;

/**
 * Prices of models in USD per million tokens, for cost assertions. Read from the
 * application's cost properties, as the starter prices its cost metrics: the prices under
 * {@code monitoring.cost.models.<model>.input}, {@code .output} and {@code .cached-input}, then
 * the price catalogue (the bundled one unless {@code monitoring.cost.bundled-catalog=false}, and
 * {@code monitoring.cost.catalog}), then {@code monitoring.cost.aliases}. Or given by the test:
 *
 * <pre class="code">
 * ModelPrices prices = ModelPrices.of("gpt-4o", 2.50, 10.00).and("gpt-4o-mini", 0.15, 0.60);
 * assertThat(recorded).hasAgentRun("research-agent").withCostAtMost(0.01, prices);
 * </pre>
 *
 * Calls are priced by the starter's own {@link CostCalculator}, so an assertion and
 * {@code gen_ai_client_cost_usd_total} agree for the same prices. Immutable.
 *
 * @since 0.1.0
 */
public final class ModelPrices {

	/**
	 * The key the application configures its prices under.
	 */
	public static final String PROPERTY_PREFIX = "monitoring.cost.models";

	private static final ModelPrices NONE = new ModelPrices(Map.of(), PriceCatalogue.empty(), Map.of());

	private final Map<String, ModelPrice> prices;

	private final PriceCatalogue catalogue;

	private final Map<String, String> aliases;

	private final CostCalculator calculator;

	private ModelPrices(Map<String, ModelPrice> prices, PriceCatalogue catalogue, Map<String, String> aliases) {
		this.prices = prices;
		this.catalogue = catalogue;
		this.aliases = aliases;
		this.calculator = new CostCalculator(prices, catalogue, aliases);
	}

	/**
	 * No prices at all.
	 * @return prices that know no model
	 */
	public static ModelPrices none() {
		return NONE;
	}

	/**
	 * The price of one model whose cached input tokens cost as much as the others.
	 * @param model the model as the application requests it, such as {@code gpt-4o}
	 * @param inputUsdPerMillionTokens USD per million input tokens
	 * @param outputUsdPerMillionTokens USD per million output tokens
	 * @return the prices
	 */
	public static ModelPrices of(String model, double inputUsdPerMillionTokens, double outputUsdPerMillionTokens) {
		return NONE.and(model, inputUsdPerMillionTokens, outputUsdPerMillionTokens);
	}

	/**
	 * The price of one model.
	 * @param model the model as the application requests it, such as {@code gpt-4o}
	 * @param price its price, with the price of cached input tokens
	 * @return the prices
	 */
	public static ModelPrices of(String model, ModelPrice price) {
		return NONE.and(model, price);
	}

	/**
	 * The prices the application configures under {@code monitoring.cost}: its models' prices,
	 * the price catalogue and the aliases.
	 * @param environment the application's environment
	 * @return the prices; the bundled catalogue's when nothing is configured
	 */
	public static ModelPrices from(Environment environment) {
		Assert.notNull(environment, "environment must not be null");
		AgentCostProperties cost = Binder.get(environment)
			.bind("monitoring.cost", AgentCostProperties.class)
			.orElseGet(AgentCostProperties::new);
		Map<String, ModelPrice> prices = new LinkedHashMap<>();
		cost.getModels().forEach((model, price) -> prices.put(model, price.toModelPrice()));
		// The same catalogue and aliases the starter reads, and the same failures when they are bad
		CostCalculator calculator = cost.createCostCalculator(new DefaultResourceLoader());
		return new ModelPrices(Collections.unmodifiableMap(prices), calculator.catalogue(),
				Collections.unmodifiableMap(new LinkedHashMap<>(cost.getAliases())));
	}

	/**
	 * These prices and one more, which replaces any price the model already had; its cached
	 * input tokens cost as much as the others.
	 * @param model the model as the application requests it, such as {@code gpt-4o}
	 * @param inputUsdPerMillionTokens USD per million input tokens
	 * @param outputUsdPerMillionTokens USD per million output tokens
	 * @return new prices
	 */
	public ModelPrices and(String model, double inputUsdPerMillionTokens, double outputUsdPerMillionTokens) {
		Assert.isTrue(inputUsdPerMillionTokens >= 0 && outputUsdPerMillionTokens >= 0,
				() -> "prices must be 0 or more USD per million tokens, were input " + inputUsdPerMillionTokens
						+ " and output " + outputUsdPerMillionTokens);
		return and(model, ModelPrice.of(inputUsdPerMillionTokens, outputUsdPerMillionTokens));
	}

	/**
	 * These prices and one more, which replaces any price the model already had.
	 * @param model the model as the application requests it, such as {@code gpt-4o}
	 * @param price its price, with the price of cached input tokens
	 * @return new prices
	 */
	public ModelPrices and(String model, ModelPrice price) {
		Assert.hasText(model, "model must not be empty");
		Assert.notNull(price, "price must not be null");
		Map<String, ModelPrice> prices = new LinkedHashMap<>(this.prices);
		prices.put(model, price);
		return new ModelPrices(Collections.unmodifiableMap(prices), this.catalogue, this.aliases);
	}

	/**
	 * The price of a model, found as the starter finds it.
	 * @param model the model
	 * @return its price, or {@code null} when unknown
	 */
	public @Nullable ModelPrice priceOf(String model) {
		return this.calculator.priceOf(model);
	}

	/**
	 * The price of a model call, found as the starter finds it: that of the model it asked for,
	 * else that of the model that answered.
	 * @param modelCall a model call
	 * @return its price, or {@code null} when neither model has one
	 */
	public @Nullable ModelPrice priceOf(ModelCall modelCall) {
		return this.calculator.priceOf(modelCall);
	}

	/**
	 * The models given a price, without those of the catalogue.
	 * @return the models, in the order they were given
	 */
	public Set<String> models() {
		return this.prices.keySet();
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("ModelPrices{");
		this.prices.forEach((model, price) -> {
			if (text.length() > "ModelPrices{".length()) {
				text.append(", ");
			}
			text.append(model).append("=input ").append(price.input()).append(", output ").append(price.output());
			if (price.cachedInput() != price.input()) {
				text.append(", cached input ").append(price.cachedInput());
			}
			text.append(" USD per million tokens");
		});
		if (!this.catalogue.prices().isEmpty()) {
			text.append((this.prices.isEmpty()) ? "" : ", then ").append("the price catalogue");
		}
		return text.append('}').toString();
	}

}
