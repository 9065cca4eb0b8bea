package dev.agentobs.internal.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads JSON text (RFC 8259) into plain values: objects as maps in the order of their members,
 * arrays as lists, numbers as {@link BigDecimal} (so that a price such as {@code 2.5e-06} keeps
 * its decimal value), strings, booleans and {@code null}. Price catalogues and, while the
 * application starts, the configuration metadata are read with it: the core has no JSON
 * library of its own, and building the application's first Jackson mapper at start-up costs
 * more than reading the file.
 *
 * @since 0.1.0
 */
public final class JsonReader {

	// Deeper than any catalogue nests; bounds the recursion on hostile input.
	private static final int MAX_DEPTH = 64;

	private final String text;

	private int position;

	private JsonReader(String text) {
		this.text = text;
	}

	/**
	 * Read a JSON text.
	 * @param text the text
	 * @return its value
	 * @throws IllegalArgumentException naming the line and column of the first error
	 */
	public static @Nullable Object read(String text) {
		JsonReader reader = new JsonReader(text);
		reader.skipWhitespace();
		Object value = reader.value(0);
		reader.skipWhitespace();
		if (reader.position < text.length()) {
			throw reader.error("expected the end of the text");
		}
		return value;
	}

	private @Nullable Object value(int depth) {
		if (depth > MAX_DEPTH) {
			throw error("values nest more than " + MAX_DEPTH + " deep");
		}
		if (this.position >= this.text.length()) {
			throw error("expected a value, found the end of the text");
		}
		char c = this.text.charAt(this.position);
		return switch (c) {
			case '{' -> object(depth);
			case '[' -> array(depth);
			case '"' -> string();
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			case 'n' -> literal("null", null);
			default -> {
				if (c == '-' || (c >= '0' && c <= '9')) {
					yield number();
				}
				throw error("expected a value");
			}
		};
	}

	private Map<String, @Nullable Object> object(int depth) {
		Map<String, @Nullable Object> members = new LinkedHashMap<>();
		this.position++;
		skipWhitespace();
		if (next('}')) {
			return members;
		}
		do {
			skipWhitespace();
			if (this.position >= this.text.length() || this.text.charAt(this.position) != '"') {
				throw error("expected a member name in double quotes");
			}
			String name = string();
			skipWhitespace();
			expect(':');
			skipWhitespace();
			members.put(name, value(depth + 1));
			skipWhitespace();
		}
		while (next(','));
		expect('}');
		return members;
	}

	private List<@Nullable Object> array(int depth) {
		List<@Nullable Object> elements = new ArrayList<>();
		this.position++;
		skipWhitespace();
		if (next(']')) {
			return elements;
		}
		do {
			skipWhitespace();
			elements.add(value(depth + 1));
			skipWhitespace();
		}
		while (next(','));
		expect(']');
		return elements;
	}

	private String string() {
		int start = ++this.position;
		@Nullable StringBuilder escaped = null;
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position);
			if (c == '"') {
				String plain = this.text.substring(start, this.position++);
				return (escaped != null) ? escaped.append(plain).toString() : plain;
			}
			if (c < 0x20) {
				throw error("control character in a string");
			}
			if (c == '\\') {
				if (escaped == null) {
					escaped = new StringBuilder();
				}
				escaped.append(this.text, start, this.position);
				escaped.append(escape());
				start = this.position;
			}
			else {
				this.position++;
			}
		}
		throw error("string not closed");
	}

	private char escape() {
		this.position++;
		if (this.position >= this.text.length()) {
			throw error("string not closed");
		}
		char c = this.text.charAt(this.position++);
		return switch (c) {
			case '"', '\\', '/' -> c;
			case 'b' -> '\b';
			case 'f' -> '\f';
			case 'n' -> '\n';
			case 'r' -> '\r';
			case 't' -> '\t';
			case 'u' -> unicode();
			default -> {
				this.position--;
				throw error("unknown escape \\" + c);
			}
		};
	}

	private char unicode() {
		if (this.position + 4 > this.text.length()) {
			throw error("\\u needs four hexadecimal digits");
		}
		int code = 0;
		for (int i = 0; i < 4; i++) {
			int digit = Character.digit(this.text.charAt(this.position), 16);
			if (digit < 0) {
				throw error("\\u needs four hexadecimal digits");
			}
			code = code * 16 + digit;
			this.position++;
		}
		return (char) code;
	}

	private BigDecimal number() {
		int start = this.position;
		next('-');
		if (!next('0')) {
			digits("a digit");
		}
		if (next('.')) {
			digits("a digit after the decimal point");
		}
		if (next('e') || next('E')) {
			if (!next('+')) {
				next('-');
			}
			digits("a digit in the exponent");
		}
		return new BigDecimal(this.text.substring(start, this.position));
	}

	private void digits(String expected) {
		int start = this.position;
		while (this.position < this.text.length() && this.text.charAt(this.position) >= '0'
				&& this.text.charAt(this.position) <= '9') {
			this.position++;
		}
		if (this.position == start) {
			throw error("expected " + expected);
		}
	}

	private @Nullable Object literal(String word, @Nullable Object value) {
		if (!this.text.startsWith(word, this.position)) {
			throw error("expected a value");
		}
		this.position += word.length();
		return value;
	}

	private boolean next(char c) {
		if (this.position < this.text.length() && this.text.charAt(this.position) == c) {
			this.position++;
			return true;
		}
		return false;
	}

	private void expect(char c) {
		if (!next(c)) {
			throw error("expected '" + c + "'");
		}
	}

	private void skipWhitespace() {
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
				return;
			}
			this.position++;
		}
	}

	private IllegalArgumentException error(String problem) {
		int line = 1;
		int lineStart = 0;
		int end = Math.min(this.position, this.text.length());
		for (int i = 0; i < end; i++) {
			if (this.text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new IllegalArgumentException(
				"not valid JSON at line " + line + ", column " + (end - lineStart + 1) + ": " + problem);
	}

}
