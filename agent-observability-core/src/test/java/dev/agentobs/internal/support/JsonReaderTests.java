package dev.agentobs.internal.support;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonReader}.
 */
class JsonReaderTests {

	@Test
	void readsObjectsInOrderArraysAndLiterals() {
		Object value = JsonReader.read(" {\"b\": [1, true, false, null], \"a\": {}, \"c\": []}\n");
		assertThat(value).isInstanceOf(Map.class);
		assertThat(List.copyOf(((Map<?, ?>) value).keySet())).isEqualTo(List.of("b", "a", "c"));
		assertThat(((Map<?, ?>) value).get("b")).isEqualTo(Arrays.asList(new BigDecimal("1"), true, false, null));
		assertThat(((Map<?, ?>) value).get("a")).isEqualTo(Map.of());
		assertThat(((Map<?, ?>) value).get("c")).isEqualTo(List.of());
	}

	@Test
	void readsNumbersAsDecimals() {
		assertThat(JsonReader.read("[2.5e-06, -0.125, 0, 1E+3, 3e6]")).isEqualTo(List.of(new BigDecimal("2.5e-06"),
				new BigDecimal("-0.125"), BigDecimal.ZERO, new BigDecimal("1E+3"), new BigDecimal("3e6")));
	}

	@Test
	void readsStringsWithEscapes() {
		assertThat(JsonReader.read("\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\uD83D\\uDE00\""))
			.isEqualTo("a\"b\\c/d\n\t\u00e9\uD83D\uDE00");
		assertThat(JsonReader.read("\"gpt-4o\"")).isEqualTo("gpt-4o");
	}

	@Test
	void errorsNameTheLineAndColumn() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonReader.read("{\n  \"a\": 1,\n  \"b\" 2\n}"))
			.withMessage("not valid JSON at line 3, column 7: expected ':'");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonReader.read("{\"a\": 1,}"))
			.withMessage("not valid JSON at line 1, column 9: expected a member name in double quotes");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonReader.read("{\"a\": 01}"))
			.withMessage("not valid JSON at line 1, column 8: expected '}'");
	}

	@Test
	void rejectsWhatIsNotJson() {
		for (String text : List.of("", "{", "[1 2]", "{\"a\": 1} x", "\"open", "\"bad \\x escape\"", "\"\\u12\"",
				"tru", "-", "1.", "1e", "\"line\nbreak\"", "{'a': 1}", "NaN")) {
			assertThatIllegalArgumentException().as(text).isThrownBy(() -> JsonReader.read(text))
				.withMessageStartingWith("not valid JSON at line ");
		}
	}

	@Test
	void deepNestingIsAnErrorNotAStackOverflow() {
		String deep = "[".repeat(10_000) + "]".repeat(10_000);
		assertThatIllegalArgumentException().isThrownBy(() -> JsonReader.read(deep))
			.withMessageContaining("nest more than 64 deep");
	}

}
