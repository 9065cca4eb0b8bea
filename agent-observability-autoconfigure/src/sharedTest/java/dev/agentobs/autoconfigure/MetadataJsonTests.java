package dev.agentobs.autoconfigure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MetadataJson}: what configuration metadata holds is read as written.
 */
class MetadataJsonTests {

	@Test
	void metadataIsReadIntoMapsListsAndStrings() {
		Map<String, Object> metadata = MetadataJson.parseObject("""
				{
				  "groups": [],
				  "properties": [
				    {
				      "name": "monitoring.metrics.collect-interval",
				      "type": "java.time.Duration",
				      "description": "A \\"quoted\\" word, a tab\\t, a slash \\/ and \\u00e9.",
				      "defaultValue": 15,
				      "deprecated": true,
				      "deprecation": { "level": "warning", "replacement": null }
				    }
				  ],
				  "hints": [ { "name": "x", "values": [ { "value": -1.5e3 } ] } ]
				}
				""");
		assertThat(metadata).containsOnlyKeys("groups", "properties", "hints");
		assertThat((List<?>) metadata.get("groups")).isEmpty();
		Map<?, ?> property = (Map<?, ?>) ((List<?>) metadata.get("properties")).get(0);
		assertThat(property.get("name")).isEqualTo("monitoring.metrics.collect-interval");
		assertThat(property.get("description")).isEqualTo("A \"quoted\" word, a tab\t, a slash / and \u00e9.");
		assertThat(property.get("defaultValue")).isEqualTo("15");
		assertThat(property.get("deprecated")).isEqualTo("true");
		assertThat(property.get("deprecation")).hasToString("{level=warning, replacement=null}");
		assertThat(metadata.get("hints")).hasToString("[{name=x, values=[{value=-1.5e3}]}]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "[]", "{", "{\"a\" 1}", "{\"a\": }", "{\"a\": \"b}", "{\"a\": 1} x", "{\"a\": \"\\u00\"}" })
	void textThatIsNoJsonObjectIsRefused(String json) {
		assertThatIllegalArgumentException().isThrownBy(() -> MetadataJson.parseObject(json));
	}

}
