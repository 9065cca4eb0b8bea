package dev.agentobs.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the known keys come from the properties classes and the metadata, not from a
 * list: every key the configuration processor wrote is known, and so are the keys of a class
 * or a hand-written key that other metadata on the class path declares.
 */
@ExtendWith(OutputCaptureExtension.class)
class MonitoringKeysTests {

	private final MonitoringKeys keys = MonitoringKeys.load(getClass().getClassLoader());

	@Test
	void everyKeyOfTheGeneratedMetadataIsKnown() throws IOException {
		List<String> declared = new ArrayList<>();
		for (URL resource : Collections
			.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = resource.openStream()) {
				Map<String, Object> metadata = JsonParserFactory.getJsonParser()
					.parseMap(StreamUtils.copyToString(in, StandardCharsets.UTF_8));
				for (Object property : (List<?>) metadata.getOrDefault("properties", List.of())) {
					String name = (String) ((Map<?, ?>) property).get("name");
					if (name.startsWith("monitoring.")) {
						declared.add(name);
					}
				}
			}
		}
		assertThat(declared).contains("monitoring.strict-keys", "monitoring.alerts.webhooks",
				"monitoring.alerts.thresholds.error-rate", "monitoring.cost.models");
		assertThat(declared).allSatisfy((name) -> assertThat(isKnown(name)).as(name).isTrue());
	}

	@Test
	void keysOfListElementsAndMapValuesThatTheMetadataLeavesOutAreKnown() {
		assertThat(List.of("monitoring.alerts.webhooks[3].secret", "monitoring.alerts.webhooks[0].threshold.daily-tokens",
				"monitoring.alerts.webhooks[0].headers[Authorization]", "monitoring.cost.models[gpt-4o].cached-input",
				"monitoring.alerts.email.recipients[2]"))
			.allSatisfy((name) -> assertThat(isKnown(name)).as(name).isTrue());
		assertThat(List.of("monitoring.alerts.webhooks[3].secrets", "monitoring.cost.models[gpt-4o].cached",
				"monitoring.alerts.email.active", "monitoring.cost.models[gpt-4o].input.usd"))
			.allSatisfy((name) -> assertThat(isKnown(name)).as(name).isFalse());
	}

	@Test
	void propertiesClassAndHandWrittenKeyDeclaredByOtherMetadataAreKnown(@TempDir Path classes) throws IOException {
		Path metadata = classes.resolve("META-INF/spring-configuration-metadata.json");
		Files.createDirectories(metadata.getParent());
		Files.writeString(metadata, """
				{
				  "groups": [
				    { "name": "monitoring.extension", "type": "%s" }
				  ],
				  "properties": [
				    { "name": "monitoring.metrics.collect_interval", "type": "java.time.Duration" },
				    { "name": "monitoring.logging.fields", "type": "java.util.Map<java.lang.String,java.lang.String>" }
				  ]
				}
				""".formatted(ExtensionProperties.class.getName()));
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			MonitoringKeys extended = MonitoringKeys.load(loader);
			assertThat(List.of("monitoring.extension.items[4].display-name", "monitoring.extension.items[0].displayName",
					"monitoring.extension.labels.team", "monitoring.extension.labels.dotted.key",
					"monitoring.metrics.collect-interval", "monitoring.metrics.collectInterval",
					"monitoring.logging.fields.trace.id", "monitoring.health.min-requests"))
				.allSatisfy((name) -> assertThat(extended.isKnown(ConfigurationPropertyName.adapt(name, '.'), false))
					.as(name)
					.isTrue());
			assertThat(extended.nearest(ConfigurationPropertyName.of("monitoring.extension.itemz[4].display-name")))
				.isEqualTo("monitoring.extension.items[4].display-name");
			assertThat(this.keys.isKnown(ConfigurationPropertyName.of("monitoring.extension.items[0].display-name"), false))
				.isFalse();
		}
	}

	@Test
	void metadataThatIsNoJsonIsSkippedWithAWarning(@TempDir Path classes, CapturedOutput output) throws IOException {
		Path metadata = classes.resolve("META-INF/spring-configuration-metadata.json");
		Files.createDirectories(metadata.getParent());
		Files.writeString(metadata, "{ \"groups\": [ { \"name\": \"monitoring.broken\" ");
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			MonitoringKeys keys = MonitoringKeys.load(loader);
			assertThat(keys.isKnown(ConfigurationPropertyName.of("monitoring.health.min-requests"), false)).isTrue();
			assertThat(output).contains("Could not read configuration metadata " + metadata.toUri().toURL());
		}
	}

	@Test
	void classLoaderWithoutMetadataKnowsNoKey() throws IOException {
		try (URLClassLoader loader = new URLClassLoader(new URL[0], null)) {
			assertThat(MonitoringKeys.load(loader).isEmpty()).isTrue();
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			monitoring.helth.min-requests                   | monitoring.health.min-requests
			monitoring.alerts.webhook[2].url                | monitoring.alerts.webhooks[2].url
			monitoring.cost.models[gemini-2.5-pro].inptu    | monitoring.cost.models[gemini-2.5-pro].input
			monitoring.alerts.email.smpt-host               | monitoring.alerts.email.smtp-host
			monitoring.alerts.evaluation-intreval           | monitoring.alerts.evaluation-interval
			monitoring.health.error-rate                    | monitoring.health.down.error-rate
			monitoring.alerts.webhooks[0].error-rate        | monitoring.alerts.webhooks[0].threshold.error-rate
			""")
	void nearestKnownKeyIsWrittenAsTheUnknownOne(String unknown, String nearest) {
		assertThat(this.keys.nearest(ConfigurationPropertyName.of(unknown))).isEqualTo(nearest);
	}

	@Test
	void distanceCountsSingleCharacterEdits() {
		assertThat(MonitoringKeys.distance("treshold", "thresholds")).isEqualTo(2);
		assertThat(MonitoringKeys.distance("", "abc")).isEqualTo(3);
		assertThat(MonitoringKeys.distance("kitten", "sitting")).isEqualTo(3);
	}

	private boolean isKnown(String name) {
		return this.keys.isKnown(ConfigurationPropertyName.of(name), false);
	}

	/**
	 * Properties another module could add under {@code monitoring.}.
	 */
	public static class ExtensionProperties {

		private final List<Item> items = new ArrayList<>();

		private Map<String, String> labels = new LinkedHashMap<>();

		public List<Item> getItems() {
			return this.items;
		}

		public Map<String, String> getLabels() {
			return this.labels;
		}

		public void setLabels(Map<String, String> labels) {
			this.labels = labels;
		}

		/**
		 * One element of the list.
		 */
		public static class Item {

			private String displayName = "";

			public String getDisplayName() {
				return this.displayName;
			}

			public void setDisplayName(String displayName) {
				this.displayName = displayName;
			}

		}

	}

}
