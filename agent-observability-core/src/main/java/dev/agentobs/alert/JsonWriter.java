package dev.agentobs.alert;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes the small JSON documents of webhook payloads without a JSON library, so that alerting
 * works in any application, whichever JSON library (if any) it uses.
 */
final class JsonWriter {

	private final StringBuilder json = new StringBuilder(512);

	private boolean first = true;

	JsonWriter beginObject() {
		separate();
		this.json.append('{');
		this.first = true;
		return this;
	}

	JsonWriter endObject() {
		this.json.append('}');
		this.first = false;
		return this;
	}

	JsonWriter beginArray(String name) {
		name(name);
		this.json.append('[');
		this.first = true;
		return this;
	}

	JsonWriter endArray() {
		this.json.append(']');
		this.first = false;
		return this;
	}

	JsonWriter string(String name, @Nullable String value) {
		name(name);
		if (value == null) {
			this.json.append("null");
		}
		else {
			quote(value);
		}
		this.first = false;
		return this;
	}

	JsonWriter number(String name, double value) {
		name(name);
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			this.json.append("null");
		}
		else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			this.json.append((long) value);
		}
		else {
			this.json.append(value);
		}
		this.first = false;
		return this;
	}

	JsonWriter number(String name, long value) {
		name(name);
		this.json.append(value);
		this.first = false;
		return this;
	}

	JsonWriter strings(String name, List<String> values) {
		beginArray(name);
		for (String value : values) {
			separate();
			quote(value);
			this.first = false;
		}
		return endArray();
	}

	JsonWriter object(String name, Map<String, String> values) {
		name(name);
		this.json.append('{');
		this.first = true;
		values.forEach(this::string);
		return endObject();
	}

	/**
	 * Start an object as the value of a named member.
	 */
	JsonWriter beginObject(String name) {
		name(name);
		this.json.append('{');
		this.first = true;
		return this;
	}

	private void name(String name) {
		separate();
		quote(name);
		this.json.append(':');
		// the value follows the colon: no separator before it
		this.first = true;
	}

	private void separate() {
		if (!this.first) {
			this.json.append(',');
		}
	}

	private void quote(String value) {
		this.json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> this.json.append("\\\"");
				case '\\' -> this.json.append("\\\\");
				case '\n' -> this.json.append("\\n");
				case '\r' -> this.json.append("\\r");
				case '\t' -> this.json.append("\\t");
				case '\b' -> this.json.append("\\b");
				case '\f' -> this.json.append("\\f");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						this.json.append(String.format("\\u%04x", (int) c));
					}
					else {
						this.json.append(c);
					}
				}
			}
		}
		this.json.append('"');
	}

	@Override
	public String toString() {
		return this.json.toString();
	}

}
