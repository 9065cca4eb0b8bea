package dev.agentobs.test;

import java.util.Map;
import java.util.Objects;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

import static dev.agentobs.test.OperationDescriptions.quote;

/**
 * Assertions on one recorded span.
 *
 * @since 0.1.0
 * @see RecordedSpansAssert#hasSpan(String)
 */
public class RecordedSpanAssert extends AbstractObjectAssert<RecordedSpanAssert, SpanData> {

	RecordedSpanAssert(SpanData span) {
		super(span, RecordedSpanAssert.class);
	}

	/**
	 * Verify that the span has an attribute with this value. Whole numbers compare by value
	 * whatever their type, so {@code 1200} matches a {@code long} attribute.
	 * @param key the attribute's key, such as {@code gen_ai.usage.input_tokens}
	 * @param expected the value
	 * @return this
	 */
	public RecordedSpanAssert hasAttribute(String key, Object expected) {
		isNotNull();
		Object value = attribute(key);
		if (!sameValue(value, expected)) {
			throw failure("%s", "Expected span " + quote(this.actual.getName()) + " to have attribute " + key + "="
					+ expected + "," + System.lineSeparator() + "but " + ((value != null) ? "it is " + value
							: "it has none") + ". Attributes of the span: " + attributes());
		}
		return this;
	}

	/**
	 * Verify that the span has no attribute with this key, such as a prompt that must not be
	 * captured.
	 * @param key the attribute's key
	 * @return this
	 */
	public RecordedSpanAssert doesNotHaveAttribute(String key) {
		isNotNull();
		Object value = attribute(key);
		if (value != null) {
			throw failure("%s", "Expected span " + quote(this.actual.getName()) + " to have no attribute " + key
					+ "," + System.lineSeparator() + "but it is " + value + ".");
		}
		return this;
	}

	private @Nullable Object attribute(String key) {
		for (Map.Entry<AttributeKey<?>, Object> attribute : this.actual.getAttributes().asMap().entrySet()) {
			if (attribute.getKey().getKey().equals(key)) {
				return attribute.getValue();
			}
		}
		return null;
	}

	private String attributes() {
		StringBuilder attributes = new StringBuilder("{");
		this.actual.getAttributes().forEach((key, value) -> {
			if (attributes.length() > 1) {
				attributes.append(", ");
			}
			attributes.append(key.getKey()).append('=').append(value);
		});
		return attributes.append('}').toString();
	}

	private static boolean sameValue(@Nullable Object actual, Object expected) {
		if (isWholeNumber(actual) && isWholeNumber(expected)) {
			return ((Number) actual).longValue() == ((Number) expected).longValue();
		}
		return Objects.equals(actual, expected);
	}

	private static boolean isWholeNumber(@Nullable Object value) {
		return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
	}

}
