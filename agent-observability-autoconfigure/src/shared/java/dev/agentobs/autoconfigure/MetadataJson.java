package dev.agentobs.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON of configuration metadata ({@code META-INF/spring-configuration-metadata.json})
 * into maps, lists and strings, in one pass. The check of the keys reads it while the
 * application starts, where Spring Boot's JSON parsers cost too much: Jackson's first mapper
 * is slow to build, and the basic parser is slow on a file of this size. Numbers,
 * {@code true} and {@code false} are given as their text, {@code null} as {@code null}.
 */
final class MetadataJson {

	private final String json;

	private int position;

	private MetadataJson(String json) {
		this.json = json;
	}

	/**
	 * Read a JSON object.
	 * @param json the text
	 * @return its members
	 * @throws IllegalArgumentException when the text is no JSON object
	 */
	static Map<String, @Nullable Object> parseObject(String json) {
		MetadataJson reader = new MetadataJson(json);
		if (!(reader.value() instanceof Map<?, ?> object)) {
			throw new IllegalArgumentException("Configuration metadata must be a JSON object");
		}
		reader.skipWhitespace();
		if (reader.position != json.length()) {
			throw reader.error("end of text");
		}
		@SuppressWarnings("unchecked")
		Map<String, @Nullable Object> members = (Map<String, @Nullable Object>) object;
		return members;
	}

	private @Nullable Object value() {
		skipWhitespace();
		char c = peek();
		if (c == '{') {
			return object();
		}
		if (c == '[') {
			return array();
		}
		if (c == '"') {
			return string();
		}
		int start = this.position;
		while (this.position < this.json.length() && ",}] \t\r\n".indexOf(this.json.charAt(this.position)) < 0) {
			this.position++;
		}
		String literal = this.json.substring(start, this.position);
		if (literal.isEmpty()) {
			throw error("a value");
		}
		return literal.equals("null") ? null : literal;
	}

	private Map<String, @Nullable Object> object() {
		Map<String, @Nullable Object> members = new LinkedHashMap<>();
		this.position++;
		skipWhitespace();
		if (peek() == '}') {
			this.position++;
			return members;
		}
		do {
			skipWhitespace();
			String name = string();
			skipWhitespace();
			expect(':');
			members.put(name, value());
			skipWhitespace();
		}
		while (next(','));
		expect('}');
		return members;
	}

	private List<@Nullable Object> array() {
		List<@Nullable Object> elements = new ArrayList<>();
		this.position++;
		skipWhitespace();
		if (peek() == ']') {
			this.position++;
			return elements;
		}
		do {
			elements.add(value());
			skipWhitespace();
		}
		while (next(','));
		expect(']');
		return elements;
	}

	private String string() {
		expect('"');
		StringBuilder text = new StringBuilder();
		while (true) {
			char c = take();
			if (c == '"') {
				return text.toString();
			}
			if (c != '\\') {
				text.append(c);
				continue;
			}
			char escaped = take();
			switch (escaped) {
				case 'b' -> text.append('\b');
				case 'f' -> text.append('\f');
				case 'n' -> text.append('\n');
				case 'r' -> text.append('\r');
				case 't' -> text.append('\t');
				case 'u' -> {
					if (this.position + 4 > this.json.length()) {
						throw error("four hex digits");
					}
					text.append((char) Integer.parseInt(this.json.substring(this.position, this.position + 4), 16));
					this.position += 4;
				}
				default -> text.append(escaped);
			}
		}
	}

	private void skipWhitespace() {
		while (this.position < this.json.length() && Character.isWhitespace(this.json.charAt(this.position))) {
			this.position++;
		}
	}

	private boolean next(char c) {
		if (this.position < this.json.length() && this.json.charAt(this.position) == c) {
			this.position++;
			return true;
		}
		return false;
	}

	private void expect(char c) {
		if (!next(c)) {
			throw error("'" + c + "'");
		}
	}

	private char peek() {
		if (this.position >= this.json.length()) {
			throw error("a value");
		}
		return this.json.charAt(this.position);
	}

	private char take() {
		char c = peek();
		this.position++;
		return c;
	}

	private IllegalArgumentException error(String expected) {
		return new IllegalArgumentException(
				"Configuration metadata is no JSON: expected " + expected + " at character " + this.position);
	}

}
