package dev.agentobs.internal.metrics;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads samples from the text of a Prometheus scrape, for tests that scrape a running
 * service over HTTP.
 */
public final class PrometheusSamples {

	private PrometheusSamples() {
	}

	/**
	 * The value of the one sample of a family whose labels include all of those given; fails
	 * when there is none or more than one.
	 * @param scrape the scrape's text
	 * @param family the family's sample name, such as {@code gen_ai_client_cost_usd_total}
	 * @param labels labels the sample has, such as {@code gen_ai_agent_name="assistant"}
	 * @return the sample's value
	 */
	public static double sample(String scrape, String family, String... labels) {
		List<String> lines = lines(scrape, family, labels);
		assertThat(lines).as("samples of %s with %s", family, List.of(labels)).hasSize(1);
		String line = lines.get(0);
		return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
	}

	/**
	 * The samples of a family whose labels include all of those given.
	 * @param scrape the scrape's text
	 * @param family the family's sample name
	 * @param labels labels the samples have
	 * @return the samples' lines
	 */
	public static List<String> lines(String scrape, String family, String... labels) {
		return scrape.lines()
			.filter((line) -> line.startsWith(family + "{"))
			.filter((line) -> Arrays.stream(labels).allMatch(line::contains))
			.toList();
	}

}
