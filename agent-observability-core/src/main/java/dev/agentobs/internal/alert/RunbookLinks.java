package dev.agentobs.internal.alert;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The runbook of each alert: a base URL and the alert's name in lower case, as a path
 * ({@code https://runbooks.example.com/agents/agentservicedown}) or, after a base ending in
 * {@code #}, as the anchor of a heading on one page ({@code ...alerting.md#agentservicedown}).
 *
 * @since 0.1.0
 */
public final class RunbookLinks {

	/** No runbooks: no alert carries a link. */
	public static final RunbookLinks NONE = new RunbookLinks(null);

	private final @Nullable String base;

	/**
	 * Runbooks below a base URL.
	 * @param base the base URL, http or https, or {@code null} for none
	 * @throws IllegalArgumentException when the base is not an http or https URL
	 */
	public RunbookLinks(@Nullable URI base) {
		if (base == null) {
			this.base = null;
			return;
		}
		check("base", base);
		String text = base.toString();
		this.base = (text.endsWith("/") || text.endsWith("#")) ? text : text + "/";
	}

	/**
	 * Check a runbook base URL, for code that reads it from configuration and wants to report
	 * a bad one under its own name.
	 * @param name the name to report, such as {@code runbook-base-url}
	 * @param base the URL
	 * @throws IllegalArgumentException naming {@code name}, the URL and what would be right
	 */
	public static void check(String name, URI base) {
		if (!("http".equals(base.getScheme()) || "https".equals(base.getScheme())) || base.getHost() == null) {
			throw new IllegalArgumentException(
					name + " must be an http or https URL such as https://runbooks.example.com/agents/, was " + base);
		}
	}

	/**
	 * The runbook of one alert.
	 * @param alertName the alert's name, such as {@code AgentServiceDown}
	 * @return its URL, or {@code null} without a base URL
	 */
	public @Nullable String of(String alertName) {
		return (this.base != null) ? this.base + alertName.toLowerCase(Locale.ROOT) : null;
	}

}
