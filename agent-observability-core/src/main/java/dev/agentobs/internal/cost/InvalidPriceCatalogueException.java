package dev.agentobs.internal.cost;

import org.jspecify.annotations.Nullable;

/**
 * A price catalogue that cannot be read: not found, not JSON, or an entry with a price that is
 * not a number of 0 or more.
 *
 * @since 0.1.0
 */
public class InvalidPriceCatalogueException extends RuntimeException {

	private final String location;

	private final String reason;

	/**
	 * Create the exception.
	 * @param location the catalogue, as given
	 * @param reason what is wrong, naming the entry
	 * @param cause the failure behind it, if any
	 */
	public InvalidPriceCatalogueException(String location, String reason, @Nullable Throwable cause) {
		super("Price catalogue " + location + " cannot be read: " + reason, cause);
		this.location = location;
		this.reason = reason;
	}

	/**
	 * The catalogue, as given.
	 * @return its location
	 */
	public String location() {
		return this.location;
	}

	/**
	 * What is wrong, naming the entry.
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

}
