package dev.agentobs.internal.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.agentobs.cost.ModelPrice;

/**
 * Prices of models by name, read from files in the format of LiteLLM's
 * {@code model_prices_and_context_window.json}: the catalogue bundled in this jar, a file of the
 * application's, or both, a later file's entries replacing an earlier one's. Immutable.
 *
 * @since 0.1.0
 */
public final class PriceCatalogue {

	/** Where the bundled catalogue is, for {@code monitoring.cost.catalog} and the docs. */
	public static final String BUNDLED_LOCATION = "classpath:dev/agentobs/cost/model-prices.json";

	private static final PriceCatalogue EMPTY = new PriceCatalogue(Map.of(), List.of());

	private final Map<String, ModelPrice> prices;

	private final List<Source> sources;

	private PriceCatalogue(Map<String, ModelPrice> prices, List<Source> sources) {
		this.prices = prices;
		this.sources = sources;
	}

	/**
	 * A catalogue without prices.
	 * @return the empty catalogue
	 */
	public static PriceCatalogue empty() {
		return EMPTY;
	}

	/**
	 * The catalogue bundled in this jar: current models of the well-known providers, taken from
	 * LiteLLM's table on the date its {@link Source} gives.
	 * @return the bundled catalogue, read once
	 */
	public static PriceCatalogue bundled() {
		return Bundled.CATALOGUE;
	}

	/**
	 * Read a catalogue in LiteLLM's format: a JSON object of model names to entries, whose
	 * {@code input_cost_per_token}, {@code output_cost_per_token},
	 * {@code cache_read_input_token_cost}, {@code cache_creation_input_token_cost},
	 * {@code output_cost_per_reasoning_token} and their {@code _above_<n>k_tokens} tiers are
	 * USD per token. Entries without {@code input_cost_per_token} (images, audio) are left out;
	 * a {@code catalogue_metadata} entry may name the source and date.
	 * @param location where the catalogue is, as the reports and errors name it
	 * @param input the catalogue's bytes, UTF-8; not closed
	 * @return the catalogue
	 * @throws InvalidPriceCatalogueException naming the location and the entry when the
	 * catalogue cannot be read
	 */
	public static PriceCatalogue read(String location, InputStream input) {
		String text;
		try {
			text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidPriceCatalogueException(location, "it cannot be read (" + ex.getMessage() + ")", ex);
		}
		try {
			return LiteLlmPriceFile.read(location, text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPriceCatalogueException(location, ex.getMessage(), ex);
		}
	}

	static PriceCatalogue of(Map<String, ModelPrice> prices, Source source) {
		return new PriceCatalogue(Collections.unmodifiableMap(new LinkedHashMap<>(prices)), List.of(source));
	}

	/**
	 * This catalogue with the entries of another, which replace those of the same name.
	 * @param other the catalogue read after this one
	 * @return the combined catalogue
	 */
	public PriceCatalogue and(PriceCatalogue other) {
		Map<String, ModelPrice> prices = new LinkedHashMap<>(this.prices);
		prices.putAll(other.prices);
		List<Source> sources = new ArrayList<>(this.sources);
		sources.addAll(other.sources);
		return new PriceCatalogue(Collections.unmodifiableMap(prices), List.copyOf(sources));
	}

	/**
	 * The prices, by model name as the catalogues spell them.
	 * @return the prices, in the order of the files
	 */
	public Map<String, ModelPrice> prices() {
		return this.prices;
	}

	/**
	 * The files the prices were read from.
	 * @return the sources, in the order they were read
	 */
	public List<Source> sources() {
		return this.sources;
	}

	/**
	 * A file of a catalogue.
	 *
	 * @param location where it was read from
	 * @param name the table its prices come from, when the file says
	 * @param url where that table is published, when the file says
	 * @param date the day its prices were taken from that table, when the file says
	 * @param models the models it prices
	 * @since 0.1.0
	 */
	public record Source(String location, @Nullable String name, @Nullable String url, @Nullable LocalDate date,
			int models) {

	}

	private static final class Bundled {

		static final PriceCatalogue CATALOGUE = load();

		private static PriceCatalogue load() {
			String resource = BUNDLED_LOCATION.substring("classpath:".length());
			try (InputStream input = PriceCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
				if (input == null) {
					throw new IllegalStateException("The bundled price catalogue " + BUNDLED_LOCATION + " is missing");
				}
				return read(BUNDLED_LOCATION, input);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
