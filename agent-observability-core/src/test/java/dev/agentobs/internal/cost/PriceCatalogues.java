package dev.agentobs.internal.cost;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Price catalogues for tests, from JSON text in LiteLLM's format.
 */
public final class PriceCatalogues {

	private PriceCatalogues() {
	}

	/**
	 * A catalogue of JSON text.
	 * @param location where it is said to be
	 * @param json the catalogue in LiteLLM's format
	 * @return the catalogue
	 */
	public static PriceCatalogue read(String location, String json) {
		return PriceCatalogue.read(location, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

}
