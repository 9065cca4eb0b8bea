package dev.agentobs.internal.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.agentobs.cost.ModelPrice;
import dev.agentobs.internal.support.JsonReader;

/**
 * The prices of a file in LiteLLM's {@code model_prices_and_context_window.json} format. Only
 * the per-token prices of text are read; every other field is left alone, so the full LiteLLM
 * file reads as well as a subset of it.
 *
 * @since 0.1.0
 */
final class LiteLlmPriceFile {

	/** LiteLLM's entry describing the fields, not a model. */
	static final String SAMPLE_SPEC = "sample_spec";

	/** The entry naming the source and date of the bundled catalogue, not a model. */
	static final String METADATA = "catalogue_metadata";

	static final String INPUT = "input_cost_per_token";

	static final String OUTPUT = "output_cost_per_token";

	static final String CACHE_READ = "cache_read_input_token_cost";

	static final String CACHE_WRITE = "cache_creation_input_token_cost";

	static final String REASONING = "output_cost_per_reasoning_token";

	// An older name of the cache read price, still on some DeepSeek entries
	static final String CACHE_HIT = "input_cost_per_token_cache_hit";

	private static final Pattern TIER = Pattern
		.compile("(" + INPUT + "|" + OUTPUT + "|" + CACHE_READ + "|" + CACHE_WRITE + ")_above_(\\d{1,6})k_tokens");

	private static final String EXAMPLE = "{\"" + INPUT + "\": 2.5e-06, \"" + OUTPUT + "\": 1e-05}";

	private LiteLlmPriceFile() {
	}

	/**
	 * Read a file's prices.
	 * @param location where the file is
	 * @param text its text
	 * @return its prices
	 * @throws IllegalArgumentException saying what is wrong and where
	 */
	static PriceCatalogue read(String location, String text) {
		// A byte order mark is not JSON, but editors write one
		Object json = JsonReader.read(text.startsWith("\uFEFF") ? text.substring(1) : text);
		if (!(json instanceof Map<?, ?> entries)) {
			throw new IllegalArgumentException("it must be a JSON object of model names to prices, "
					+ "as LiteLLM's model_prices_and_context_window.json");
		}
		Map<String, ModelPrice> prices = new LinkedHashMap<>();
		Map<?, ?> metadata = Map.of();
		for (Map.Entry<?, ?> entry : entries.entrySet()) {
			String model = (String) entry.getKey();
			// Text is a note, such as the last_updated some copies of LiteLLM's file add
			if (SAMPLE_SPEC.equals(model) || entry.getValue() instanceof String) {
				continue;
			}
			if (!(entry.getValue() instanceof Map<?, ?> fields)) {
				throw new IllegalArgumentException("entry '" + model + "' must be an object of prices such as "
						+ EXAMPLE + ", was " + entry.getValue());
			}
			if (METADATA.equals(model)) {
				metadata = fields;
			}
			else if (fields.containsKey(INPUT)) {
				prices.put(model, price(model, fields));
			}
		}
		if (prices.isEmpty()) {
			throw new IllegalArgumentException("no entry has an " + INPUT
					+ ", so it prices no model: entries look like \"gpt-4o\": " + EXAMPLE + " (USD per token)");
		}
		return PriceCatalogue.of(prices, new PriceCatalogue.Source(location, text(metadata, "source"),
				text(metadata, "url"), date(metadata), prices.size()));
	}

	private static ModelPrice price(String model, Map<?, ?> fields) {
		double input = perMillion(model, fields, INPUT, 0);
		double output = perMillion(model, fields, OUTPUT, 0);
		double cachedInput = perMillion(model, fields, CACHE_READ, perMillion(model, fields, CACHE_HIT, input));
		double cacheWrite = perMillion(model, fields, CACHE_WRITE, input);
		boolean reasoningApart = fields.containsKey(REASONING);
		double reasoning = perMillion(model, fields, REASONING, output);
		ModelPrice price = new ModelPrice(input, output, cachedInput, cacheWrite, reasoning, null);
		long threshold = tierThreshold(model, fields);
		if (threshold == 0) {
			return price;
		}
		String above = "_above_" + (threshold / 1000) + "k_tokens";
		double tierOutput = perMillion(model, fields, OUTPUT + above, output);
		return price.withLongContext(threshold,
				new ModelPrice(perMillion(model, fields, INPUT + above, input), tierOutput,
						perMillion(model, fields, CACHE_READ + above, cachedInput),
						perMillion(model, fields, CACHE_WRITE + above, cacheWrite),
						reasoningApart ? reasoning : tierOutput, null));
	}

	// The one threshold of an entry's long-context prices, 0 when it has none
	private static long tierThreshold(String model, Map<?, ?> fields) {
		long threshold = 0;
		for (Object field : fields.keySet()) {
			Matcher matcher = TIER.matcher((String) field);
			if (matcher.matches()) {
				long tokens = Long.parseLong(matcher.group(2)) * 1000;
				if (threshold != 0 && tokens != threshold) {
					throw new IllegalArgumentException("entry '" + model + "' has long-context prices above "
							+ (threshold / 1000) + "k and above " + (tokens / 1000)
							+ "k tokens: one threshold is read");
				}
				threshold = tokens;
			}
		}
		return threshold;
	}

	private static double perMillion(String model, Map<?, ?> fields, String field, double absent) {
		if (!fields.containsKey(field)) {
			return absent;
		}
		Object value = fields.get(field);
		// Decimal arithmetic: 2.5e-06 per token is 2.5 per million, not 2.4999999999999996
		double perMillion = (value instanceof BigDecimal perToken) ? perToken.movePointRight(6).doubleValue() : -1;
		if (!(perMillion >= 0) || Double.isInfinite(perMillion)) {
			throw new IllegalArgumentException("entry '" + model + "': " + field
					+ " must be a number of 0 or more USD per token, such as 2.5e-06, was " + quoted(value));
		}
		return perMillion;
	}

	private static @Nullable String text(Map<?, ?> metadata, String field) {
		Object value = metadata.get(field);
		return (value instanceof String text && !text.isBlank()) ? text : null;
	}

	private static @Nullable LocalDate date(Map<?, ?> metadata) {
		String date = text(metadata, "date");
		if (date == null) {
			return null;
		}
		try {
			return LocalDate.parse(date);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"entry '" + METADATA + "': date must be a day such as 2026-08-01, was " + quoted(date));
		}
	}

	private static String quoted(@Nullable Object value) {
		return (value instanceof String) ? "\"" + value + "\"" : String.valueOf(value);
	}

}
