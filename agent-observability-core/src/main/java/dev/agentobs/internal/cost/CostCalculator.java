package dev.agentobs.internal.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.agentobs.cost.ModelPrice;
import dev.agentobs.cost.PriceSource;
import dev.agentobs.operation.ModelCall;

/**
 * Prices model calls from their tokens and the prices of their models: the one calculation
 * behind the cost counter, the day's cost in the statistics and the endpoint, and the cost
 * assertions of the test support.
 * <p>
 * A model's price is found by its name, in this order, the configured prices before the
 * catalogue's at each step: the name itself (in any case); the name without the date of a
 * version ({@code gpt-4o-2024-08-06} as {@code gpt-4o}, and {@code claude-sonnet-4} as its
 * latest dated entry); the name with the prefix LiteLLM's table gives the provider's models
 * ({@code gemini/}, {@code xai/}, ...), the call's own provider's first; and last the aliases,
 * patterns of names that stand for a model with a price. A model with no price has an unknown
 * cost, never a zero one: the first call of each such model is logged once, naming the
 * properties to set. Each name is matched once and the match kept, so pricing a call looks up
 * nothing but the name.
 *
 * @since 0.1.0
 */
public class CostCalculator {

	private static final Logger logger = LoggerFactory.getLogger(CostCalculator.class);

	// Map keys made of these characters need no brackets in a property name.
	private static final Pattern PLAIN_KEY = Pattern.compile("[a-z0-9-]+");

	private static final int MAX_WARNED_MODELS = 1000;

	// Names matched and kept; past this many (hostile or runaway names), names are matched on
	// every call instead, which is slower but bounded in memory.
	private static final int MAX_MATCHED_NAMES = 10_000;

	private static final String NO_PROVIDER = "";

	private final PriceTable configured;

	private final PriceTable catalogued;

	private final PriceCatalogue catalogue;

	private final List<Alias> aliases = new ArrayList<>();

	private final ConcurrentMap<String, ConcurrentMap<String, PriceMatch>> matches = new ConcurrentHashMap<>();

	private final AtomicInteger matchedNames = new AtomicInteger();

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	/**
	 * Create a calculator of configured prices only.
	 * @param prices the prices by requested model name
	 */
	public CostCalculator(Map<String, ModelPrice> prices) {
		this(prices, PriceCatalogue.empty(), Map.of());
	}

	/**
	 * Create a calculator.
	 * @param prices the configured prices by requested model name, which win over the
	 * catalogue's
	 * @param catalogue the catalogue
	 * @param aliases patterns of model names ({@code *} for any characters, case ignored) to
	 * the configured or catalogue model whose price they have, tried in order
	 * @throws IllegalArgumentException when an alias names a model without a price
	 */
	public CostCalculator(Map<String, ModelPrice> prices, PriceCatalogue catalogue, Map<String, String> aliases) {
		this.configured = new PriceTable(prices, PriceSource::configured);
		this.catalogued = new PriceTable(catalogue.prices(), PriceSource::catalogue);
		this.catalogue = catalogue;
		aliases.forEach((pattern, model) -> this.aliases.add(new Alias(glob(pattern), aliasMatch(pattern, model))));
	}

	/**
	 * Check an alias: the rule the constructor applies, for configuration that wants to report
	 * a bad one under its own key. Aliases of this calculator are not followed: an alias names
	 * a model with a price of its own.
	 * @param pattern the pattern of model names
	 * @param model the model whose price they have
	 * @throws IllegalArgumentException when the pattern is empty or the model has no price
	 */
	public void checkAlias(String pattern, String model) {
		aliasMatch(pattern, model);
	}

	private PriceMatch aliasMatch(String pattern, String model) {
		if (pattern.isEmpty()) {
			throw new IllegalArgumentException("alias of '" + model + "' must have a pattern of model names, was ''");
		}
		PriceMatch match = byName(NO_PROVIDER, model);
		if (!match.known()) {
			throw new IllegalArgumentException("alias '" + pattern + "' must name a model of the price catalogue or of "
					+ "monitoring.cost.models, such as gpt-4o, was '" + model + "'");
		}
		return match;
	}

	/**
	 * The catalogue the prices come from when none is configured.
	 * @return the catalogue
	 */
	public PriceCatalogue catalogue() {
		return this.catalogue;
	}

	/**
	 * The price of a model, whatever its provider.
	 * @param model the requested model
	 * @return the price, or {@code null} when the model has none (logged once per model)
	 */
	public @Nullable ModelPrice priceOf(String model) {
		PriceMatch match = match(NO_PROVIDER, model);
		if (!match.known()) {
			warnOnce(model);
		}
		return match.price();
	}

	/**
	 * The price of a model call: that of the model it asked for, else that of the model that
	 * answered (a provider may answer an alias such as {@code gpt-4o} with a dated version, and
	 * an Azure deployment name with the model behind it).
	 * @param call the model call
	 * @return the price, or {@code null} when neither model has one (logged once per requested
	 * model)
	 */
	public @Nullable ModelPrice priceOf(ModelCall call) {
		return matchOf(call).price();
	}

	/**
	 * The price of a model call and where it came from, as {@link #priceOf(ModelCall)} finds
	 * it.
	 * @param call the model call
	 * @return the match, {@link PriceMatch#UNKNOWN} when neither model has a price (logged once
	 * per requested model)
	 */
	public PriceMatch matchOf(ModelCall call) {
		PriceMatch match = match(call.providerName(), call.requestModel());
		String responseModel = call.responseModel();
		if (!match.known() && responseModel != null) {
			match = match(call.providerName(), responseModel);
		}
		if (!match.known()) {
			warnOnce(call.requestModel());
		}
		return match;
	}

	/**
	 * The cost of a model call: its tokens at {@linkplain #priceOf(ModelCall) its price}.
	 * @param call the model call
	 * @return the cost in USD, or {@link Double#NaN} when no price is known: unknown, never 0,
	 * and no object to allocate on the agent's thread
	 */
	public double costOf(ModelCall call) {
		return matchOf(call).costOf(call.tokens());
	}

	private PriceMatch match(String provider, String model) {
		ConcurrentMap<String, PriceMatch> byModel = this.matches.get(provider);
		PriceMatch match = (byModel != null) ? byModel.get(model) : null;
		if (match != null) {
			return match;
		}
		match = byName(provider, model);
		if (!match.known() && !this.aliases.isEmpty()) {
			match = byAlias(model);
		}
		if (this.matchedNames.get() < MAX_MATCHED_NAMES) {
			if (byModel == null) {
				byModel = this.matches.computeIfAbsent(provider, (key) -> new ConcurrentHashMap<>());
			}
			if (byModel.putIfAbsent(model, match) == null) {
				this.matchedNames.incrementAndGet();
			}
		}
		return match;
	}

	private PriceMatch byName(String provider, String model) {
		PriceMatch match = sameName(model);
		if (match == null) {
			match = withoutDate(model);
		}
		if (match == null) {
			for (String prefix : ModelNames.prefixes(provider)) {
				String prefixed = prefix + model;
				match = sameName(prefixed);
				if (match == null) {
					match = withoutDate(prefixed);
				}
				if (match != null) {
					break;
				}
			}
		}
		return (match != null) ? match : PriceMatch.UNKNOWN;
	}

	private @Nullable PriceMatch sameName(String model) {
		PriceMatch match = this.configured.sameName(model);
		return (match != null) ? match : this.catalogued.sameName(model);
	}

	private @Nullable PriceMatch withoutDate(String model) {
		PriceMatch match = this.configured.withoutDate(model);
		return (match != null) ? match : this.catalogued.withoutDate(model);
	}

	private PriceMatch byAlias(String model) {
		for (Alias alias : this.aliases) {
			if (alias.pattern().matcher(model).matches()) {
				return alias.match();
			}
		}
		return PriceMatch.UNKNOWN;
	}

	private static Pattern glob(String pattern) {
		StringBuilder regex = new StringBuilder();
		for (String literal : pattern.split("\\*", -1)) {
			if (regex.length() > 0) {
				regex.append(".*");
			}
			regex.append(Pattern.quote(literal));
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
	}

	private void warnOnce(String model) {
		if (this.warned.contains(model) || this.warned.size() >= MAX_WARNED_MODELS || !this.warned.add(model)) {
			return;
		}
		String key = "monitoring.cost.models" + (PLAIN_KEY.matcher(model).matches() ? "." + model : "[" + model + "]");
		logger.warn("No price for model '{}': the cost of its calls is unknown, not zero. Set {}.input and "
				+ "{}.output (USD per million tokens, and {}.cached-input if cached input tokens cost less), or "
				+ "monitoring.cost.aliases[{}] to a model of the price catalogue.", model, key, key, key, model);
	}

	private record Alias(Pattern pattern, PriceMatch match) {
	}

}
