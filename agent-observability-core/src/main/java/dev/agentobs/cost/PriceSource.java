package dev.agentobs.cost;

import org.jspecify.annotations.Nullable;

/**
 * Where the price of a model came from: a price configured for it, an entry of the price
 * catalogue, or nowhere (its cost is unknown).
 *
 * @param kind where the price came from
 * @param name the configured model or catalogue entry whose price it is, {@code null} when
 * unknown
 * @since 0.1.0
 */
public record PriceSource(Kind kind, @Nullable String name) {

	private static final PriceSource UNKNOWN = new PriceSource(Kind.UNKNOWN, null);

	public PriceSource {
		if ((kind == Kind.UNKNOWN) != (name == null)) {
			throw new IllegalArgumentException("name must be given unless the price is unknown, was " + name);
		}
	}

	/**
	 * A price configured for a model.
	 * @param model the model as configured
	 * @return the source
	 */
	public static PriceSource configured(String model) {
		return new PriceSource(Kind.CONFIGURED, model);
	}

	/**
	 * A price of the catalogue.
	 * @param entry the catalogue entry, such as {@code gpt-4o}
	 * @return the source
	 */
	public static PriceSource catalogue(String entry) {
		return new PriceSource(Kind.CATALOGUE, entry);
	}

	/**
	 * No price: the cost is unknown.
	 * @return the source
	 */
	public static PriceSource unknown() {
		return UNKNOWN;
	}

	@Override
	public String toString() {
		return (this.name != null) ? this.kind.value + " " + this.name : this.kind.value;
	}

	/**
	 * Where a price came from.
	 */
	public enum Kind {

		/** {@code monitoring.cost.models}, or prices given in code. */
		CONFIGURED("configured"),

		/** An entry of the price catalogue. */
		CATALOGUE("catalogue"),

		/** Nowhere: the cost is unknown. */
		UNKNOWN("unknown");

		private final String value;

		Kind(String value) {
			this.value = value;
		}

		/**
		 * The kind as the endpoint and the report write it.
		 * @return {@code configured}, {@code catalogue} or {@code unknown}
		 */
		public String value() {
			return this.value;
		}

	}

}
