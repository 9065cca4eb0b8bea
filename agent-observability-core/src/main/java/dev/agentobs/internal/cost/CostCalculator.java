package dev.agentobs.internal.cost;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.agentobs.cost.ModelPrice;
import dev.agentobs.operation.ModelCall;

/**
 * Prices model calls from their tokens and the configured prices of their models: the one
 * calculation behind the cost counter, the day's cost in the statistics and the endpoint, and
 * the cost assertions of the test support. A model with no price has an unknown cost, never a
 * zero one: the first call of each such model is logged once, naming the properties to set.
 *
 * @since 0.1.0
 */
public class CostCalculator {

	private static final Logger logger = LoggerFactory.getLogger(CostCalculator.class);

	// Map keys made of these characters need no brackets in a property name.
	private static final Pattern PLAIN_KEY = Pattern.compile("[a-z0-9-]+");

	private static final int MAX_WARNED_MODELS = 1000;

	private final Map<String, ModelPrice> prices;

	private final Map<String, ModelPrice> pricesIgnoringCase;

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	/**
	 * Create a calculator.
	 * @param prices the prices by requested model name
	 */
	public CostCalculator(Map<String, ModelPrice> prices) {
		this.prices = Map.copyOf(prices);
		Map<String, ModelPrice> ignoringCase = new ConcurrentHashMap<>();
		prices.forEach((model, price) -> ignoringCase.putIfAbsent(model.toLowerCase(Locale.ROOT), price));
		this.pricesIgnoringCase = Map.copyOf(ignoringCase);
	}

	/**
	 * The price of a model: the one configured under its exact name, else under the same name
	 * in another case.
	 * @param model the requested model
	 * @return the price, or {@code null} when the model has none (logged once per model)
	 */
	public @Nullable ModelPrice priceOf(String model) {
		ModelPrice price = find(model);
		if (price == null) {
			warnOnce(model);
		}
		return price;
	}

	/**
	 * The price of a model call: that of the model it asked for, else that of the model that
	 * answered (a provider may answer an alias such as {@code gpt-4o} with a dated version).
	 * @param call the model call
	 * @return the price, or {@code null} when neither model has one (logged once per requested
	 * model)
	 */
	public @Nullable ModelPrice priceOf(ModelCall call) {
		ModelPrice price = find(call.requestModel());
		String responseModel = call.responseModel();
		if (price == null && responseModel != null) {
			price = find(responseModel);
		}
		if (price == null) {
			warnOnce(call.requestModel());
		}
		return price;
	}

	/**
	 * The cost of a model call: its tokens at {@linkplain #priceOf(ModelCall) its price}, cached
	 * input tokens at the cached input price.
	 * @param call the model call
	 * @return the cost in USD, or {@link Double#NaN} when no price is known: unknown, never 0,
	 * and no object to allocate on the agent's thread
	 */
	public double costOf(ModelCall call) {
		ModelPrice price = priceOf(call);
		return (price != null) ? price.cost(call.tokens()) : Double.NaN;
	}

	private @Nullable ModelPrice find(String model) {
		ModelPrice price = this.prices.get(model);
		return (price != null) ? price : this.pricesIgnoringCase.get(model.toLowerCase(Locale.ROOT));
	}

	private void warnOnce(String model) {
		if (this.warned.contains(model) || this.warned.size() >= MAX_WARNED_MODELS || !this.warned.add(model)) {
			return;
		}
		String key = "monitoring.cost.models" + (PLAIN_KEY.matcher(model).matches() ? "." + model : "[" + model + "]");
		logger.warn("No price for model '{}': the cost of its calls is unknown, not zero. Set {}.input and "
				+ "{}.output (USD per million tokens, and {}.cached-input if cached input tokens cost less).", model,
				key, key, key);
	}

}
