package dev.agentobs.internal.report;

/**
 * An HTML document being written: markup as it is, text escaped, so that a name an LLM chose
 * (an agent called {@code <script>}) is shown and never run. Text is escaped for element
 * content and for quoted attribute values alike.
 */
final class Html {

	private final StringBuilder html = new StringBuilder(32 * 1024);

	/**
	 * Append markup written by this code.
	 * @param markup the markup
	 * @return this document
	 */
	Html raw(String markup) {
		this.html.append(markup);
		return this;
	}

	/**
	 * Append text, escaped.
	 * @param text the text, shown as it is
	 * @return this document
	 */
	Html text(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> this.html.append("&lt;");
				case '>' -> this.html.append("&gt;");
				case '&' -> this.html.append("&amp;");
				case '"' -> this.html.append("&quot;");
				case '\'' -> this.html.append("&#39;");
				default -> this.html.append(c);
			}
		}
		return this;
	}

	@Override
	public String toString() {
		return this.html.toString();
	}

}
