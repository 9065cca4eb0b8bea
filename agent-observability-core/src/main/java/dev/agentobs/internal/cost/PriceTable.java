package dev.agentobs.internal.cost;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.agentobs.cost.ModelPrice;
import dev.agentobs.cost.PriceSource;

/**
 * Prices of one origin (configured, or the catalogue) found by name: as spelled, in any case,
 * or without the date of a version. The matches are made once, here, and shared.
 *
 * @since 0.1.0
 */
final class PriceTable {

	private final Map<String, PriceMatch> byName = new HashMap<>();

	private final Map<String, PriceMatch> byLowerCaseName = new HashMap<>();

	// Names without a date, lower case: the undated entry, else the one of the latest date
	private final Map<String, PriceMatch> byUndatedName = new HashMap<>();

	private final Map<String, String> datesOfUndatedNames = new HashMap<>();

	PriceTable(Map<String, ModelPrice> prices, Function<String, PriceSource> source) {
		prices.forEach((name, price) -> {
			PriceMatch match = new PriceMatch(price, source.apply(name));
			this.byName.put(name, match);
			String lowerCase = name.toLowerCase(Locale.ROOT);
			this.byLowerCaseName.putIfAbsent(lowerCase, match);
			String undated = ModelNames.withoutDate(lowerCase);
			String date = ModelNames.date(lowerCase);
			if (prefers(undated, date)) {
				this.byUndatedName.put(undated, match);
				if (date != null) {
					this.datesOfUndatedNames.put(undated, date);
				}
				else {
					this.datesOfUndatedNames.remove(undated);
				}
			}
		});
	}

	// Whether an entry of this date (null: none) is a better match of its undated name than the
	// one kept so far: an undated entry is the provider's alias of the current version
	private boolean prefers(String undated, @Nullable String date) {
		if (!this.byUndatedName.containsKey(undated)) {
			return true;
		}
		String kept = this.datesOfUndatedNames.get(undated);
		if (kept == null) {
			return false;
		}
		return date == null || date.compareTo(kept) > 0;
	}

	/**
	 * The price of a name as spelled, else in another case.
	 * @param name a model name
	 * @return the match, or {@code null}
	 */
	@Nullable PriceMatch sameName(String name) {
		PriceMatch match = this.byName.get(name);
		return (match != null) ? match : this.byLowerCaseName.get(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * The price of a name compared without the date of a version on either side: the undated
	 * entry of the name, else its latest dated one.
	 * @param name a model name
	 * @return the match, or {@code null}
	 */
	@Nullable PriceMatch withoutDate(String name) {
		return this.byUndatedName.get(ModelNames.withoutDate(name.toLowerCase(Locale.ROOT)));
	}

}
