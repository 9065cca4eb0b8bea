package dev.agentobs.sample.tool;

/**
 * One result of a web search.
 *
 * @param title the page's title
 * @param url the page's address
 * @param snippet the passage that matched
 * @since 0.1.0
 */
public record SearchResult(String title, String url, String snippet) {

	/**
	 * The result as a model reads it.
	 * @return title, address and snippet on one line
	 */
	public String toText() {
		return this.title + " (" + this.url + "): " + this.snippet;
	}

}
