package dev.agentobs.internal.support;

/**
 * Text from outside the code (names an LLM chose, exception messages) made safe to keep and to
 * print: cut to a length without splitting a character in two, and with control characters
 * escaped so that a name cannot start a line of its own in a log. Each method returns its
 * argument itself, allocating nothing, when there is nothing to change: the common case on
 * the agent's thread.
 *
 * @since 0.1.0
 */
public final class SafeText {

	/** The most characters kept of a name: what the operation records keep of each. */
	public static final int MAX_NAME_LENGTH = 128;

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private SafeText() {
	}

	/**
	 * A name cut to {@value #MAX_NAME_LENGTH} characters.
	 * @param name the name
	 * @return the name, or its first characters
	 */
	public static String name(String name) {
		return cut(name, MAX_NAME_LENGTH);
	}

	/**
	 * The text cut to a length, never ending on the first half of a surrogate pair (an emoji
	 * cut in half shows as {@code ?}).
	 * @param text the text
	 * @param maxLength the most characters to keep, 0 or more
	 * @return the text, or at most its first {@code maxLength} characters
	 */
	public static String cut(String text, int maxLength) {
		if (text.length() <= maxLength) {
			return text;
		}
		int end = Math.max(0, maxLength);
		if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end);
	}

	/**
	 * The text cut to a length, ending with a marker that says it was cut when the length
	 * leaves room for more than the marker.
	 * @param text the text
	 * @param maxLength the most characters to return, 0 or more
	 * @param marker what ends a cut text, such as {@code ...}
	 * @return the text, or at most {@code maxLength} characters of it and the marker
	 */
	public static String cut(String text, int maxLength, String marker) {
		if (text.length() <= maxLength) {
			return text;
		}
		if (maxLength <= marker.length()) {
			return cut(text, maxLength);
		}
		return cut(text, maxLength - marker.length()) + marker;
	}

	/**
	 * The text with its control characters escaped: CR, LF and tab as {@code \r}, {@code \n}
	 * and {@code \t}, any other ISO control character as {@code \}{@code uXXXX}. A log line
	 * then stays one line whatever a name or message holds.
	 * @param text the text
	 * @return the text itself when it holds no control character, else an escaped copy
	 */
	public static String escapeControls(String text) {
		int first = firstControl(text);
		return (first < 0) ? text : escape(text, first);
	}

	private static int firstControl(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isISOControl(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	private static String escape(String text, int first) {
		StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
		for (int i = first; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!Character.isISOControl(c)) {
				escaped.append(c);
			}
			else if (c == '\n') {
				escaped.append("\\n");
			}
			else if (c == '\r') {
				escaped.append("\\r");
			}
			else if (c == '\t') {
				escaped.append("\\t");
			}
			else {
				escaped.append("\\u00").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
			}
		}
		return escaped.toString();
	}

}
