package dev.agentobs.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.cost.ModelPrice;
import dev.agentobs.cost.PriceSource;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.cost.CostMetrics;
import dev.agentobs.internal.cost.CostTracker;
import dev.agentobs.internal.cost.PriceCatalogue;
import dev.agentobs.operation.AgentOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link AgentCostAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class AgentCostAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
				AgentObservationAutoConfiguration.class, AgentCostAutoConfiguration.class))
		.withPropertyValues("monitoring.logging.events=false");

	@Test
	void pricesBindFromPropertiesInEveryNotation() {
		this.contextRunner
			.withPropertyValues("monitoring.cost.models.gpt-4o.input=2.50", "monitoring.cost.models.gpt-4o.output=10",
					"monitoring.cost.models.gpt-4o.cached-input=1.25",
					"monitoring.cost.models[gemini-2.5-pro].input=1.25",
					"monitoring.cost.models[gemini-2.5-pro].output=10",
					"monitoring.cost.models.claude-sonnet-4.input=3",
					"monitoring.cost.models.claude-sonnet-4.output=15",
					"monitoring.cost.models.claude-sonnet-4.cached_input=0.30")
			.run((context) -> {
				CostCalculator calculator = context.getBean(CostCalculator.class);
				assertThat(calculator.priceOf("gpt-4o")).isEqualTo(new ModelPrice(2.50, 10, 1.25));
				assertThat(calculator.priceOf("gemini-2.5-pro")).isEqualTo(ModelPrice.of(1.25, 10));
				assertThat(calculator.priceOf("claude-sonnet-4")).isEqualTo(new ModelPrice(3, 15, 0.30));
			});
	}

	@Test
	void priceWithoutOutputFailsStartUpNamingTheKey() {
		this.contextRunner.withPropertyValues("monitoring.cost.models.gpt-4o.input=2.50").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.cost.models.gpt-4o.output", "Value: \"null\"",
						"Reason: output must be set when a model has a price: USD per million output tokens");
		});
	}

	@Test
	void negativePriceFailsStartUpNamingTheKey() {
		this.contextRunner.withPropertyValues("monitoring.cost.models.gpt-4o.input=-1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.cost.models.gpt-4o.input", "Value: \"-1.0\"",
						"Reason: input must be 0 or more USD per million tokens, such as 2.50, was -1.0")
				.doesNotContain("observationRegistry");
		});
	}

	@Test
	void withoutConfiguredPricesTheCataloguePricesWellKnownModels() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.metrics()))
			.withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
			.run((context) -> {
				AgentObservations observations = context.getBean(AgentObservations.class);
				observations.agent("research-agent").observe(() -> {
					observations.model("openai", "gpt-4o")
						.observe((call) -> call.tokens(120_000, 4_000).cachedInputTokens(100_000));
					observations.model("anthropic", "claude-sonnet-4-5").observe((call) -> call.tokens(80_000, 2_000));
					observations.model("gcp.gemini", "gemini-2.5-flash").observe((call) -> call.tokens(50_000, 6_000));
				});
				String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
				assertThat(costOf(scrape, "openai", "gpt-4o")).isPositive()
					.isCloseTo(bundledCost("gpt-4o", 120_000, 100_000, 4_000), within(1e-9));
				assertThat(costOf(scrape, "anthropic", "claude-sonnet-4-5")).isPositive()
					.isCloseTo(bundledCost("claude-sonnet-4-5", 80_000, 0, 2_000), within(1e-9));
				assertThat(costOf(scrape, "gcp.gemini", "gemini-2.5-flash")).isPositive()
					.isCloseTo(bundledCost("gemini-2.5-flash", 50_000, 0, 6_000), within(1e-9));
				assertThat(context.getBean(CostTracker.class).today().unpricedModels()).isEmpty();
			});
	}

	@Test
	void aCatalogueFileReplacesBundledPricesAndConfiguredPricesReplaceBoth(@TempDir Path directory)
			throws IOException {
		Path catalog = Files.writeString(directory.resolve("prices.json"), """
				{ "gpt-4o": { "input_cost_per_token": 2e-06, "output_cost_per_token": 8e-06 },
				  "acme-llm": { "input_cost_per_token": 1e-06, "output_cost_per_token": 3e-06 } }
				""");
		this.contextRunner.withPropertyValues("monitoring.cost.catalog=" + catalog).run((context) -> {
			CostCalculator calculator = context.getBean(CostCalculator.class);
			assertThat(calculator.priceOf("gpt-4o")).isEqualTo(ModelPrice.of(2, 8));
			assertThat(calculator.priceOf("acme-llm")).isEqualTo(ModelPrice.of(1, 3));
			// The bundled catalogue still prices what the file does not
			assertThat(calculator.priceOf("gpt-4o-mini")).isEqualTo(PriceCatalogue.bundled().prices().get("gpt-4o-mini"));
			assertThat(calculator.catalogue().sources()).extracting(PriceCatalogue.Source::location)
				.containsExactly(PriceCatalogue.BUNDLED_LOCATION, catalog.toString());
		});
		this.contextRunner
			.withPropertyValues("monitoring.cost.catalog=" + catalog.toUri(), "monitoring.cost.models.gpt-4o.input=7",
					"monitoring.cost.models.gpt-4o.output=9")
			.run((context) -> {
				CostCalculator calculator = context.getBean(CostCalculator.class);
				assertThat(calculator.priceOf("gpt-4o")).isEqualTo(ModelPrice.of(7, 9));
				assertThat(calculator.matchOf(AgentOperation.modelCall("openai", "gpt-4o").build()).source())
					.isEqualTo(PriceSource.configured("gpt-4o"));
			});
	}

	@Test
	void withoutTheBundledCatalogueOnlyTheFileAndConfiguredPricesCount(@TempDir Path directory) throws IOException {
		Path catalog = Files.writeString(directory.resolve("prices.json"),
				"{ \"acme-llm\": { \"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 3e-06 } }");
		this.contextRunner.withPropertyValues("monitoring.cost.bundled-catalog=false",
				"monitoring.cost.catalog=file:" + catalog)
			.run((context) -> {
				CostCalculator calculator = context.getBean(CostCalculator.class);
				assertThat(calculator.priceOf("acme-llm")).isEqualTo(ModelPrice.of(1, 3));
				assertThat(calculator.priceOf("gpt-4o")).isNull();
			});
	}

	@Test
	void aCatalogueOnTheClassPathIsRead() {
		this.contextRunner.withPropertyValues("monitoring.cost.bundled-catalog=false",
				"monitoring.cost.catalog=" + PriceCatalogue.BUNDLED_LOCATION)
			.run((context) -> assertThat(context.getBean(CostCalculator.class).priceOf("gpt-4o"))
				.isEqualTo(PriceCatalogue.bundled().prices().get("gpt-4o")));
	}

	@Test
	void aBadCatalogueFailsStartUpNamingTheFileAndTheEntry(@TempDir Path directory) throws IOException {
		Path catalog = Files.writeString(directory.resolve("prices.json"),
				"{ \"gpt-4o\": { \"input_cost_per_token\": \"cheap\" } }");
		this.contextRunner.withPropertyValues("monitoring.cost.catalog=" + catalog).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.of(context.getStartupFailure())).contains("Property: monitoring.cost.catalog",
					"Value: \"" + catalog + "\"", "Reason: catalog " + catalog + " is not a valid price catalogue: "
							+ "entry 'gpt-4o': input_cost_per_token must be a number of 0 or more USD per token, "
							+ "such as 2.5e-06, was \"cheap\"");
		});
	}

	@Test
	void aMissingCatalogueFailsStartUpNamingIt(@TempDir Path directory) {
		String missing = directory.resolve("missing.json").toString();
		this.contextRunner.withPropertyValues("monitoring.cost.catalog=" + missing).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.of(context.getStartupFailure())).contains("Property: monitoring.cost.catalog",
					"Reason: catalog must be a readable price catalogue in LiteLLM's format, such as "
							+ "file:./model-prices.json, was " + missing);
		});
	}

	@Test
	void aliasesPriceNamesThatMatchNothingElse() {
		this.contextRunner
			.withPropertyValues("monitoring.cost.aliases.[prod-gpt4o-*]=gpt-4o",
					"monitoring.cost.aliases.[acme/*]=claude-sonnet-4-5")
			.run((context) -> {
				CostCalculator calculator = context.getBean(CostCalculator.class);
				assertThat(calculator.priceOf("prod-gpt4o-eastus")).isEqualTo(calculator.priceOf("gpt-4o"));
				assertThat(calculator.priceOf("acme/large")).isEqualTo(calculator.priceOf("claude-sonnet-4-5"));
			});
	}

	@Test
	void anAliasOfAModelWithoutPriceFailsStartUpNamingTheKey() {
		this.contextRunner.withPropertyValues("monitoring.cost.aliases.[my-*]=gpt-9").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.of(context.getStartupFailure())).contains(
					"Property: monitoring.cost.aliases[my-*]", "Value: \"gpt-9\"",
					"Reason: alias 'my-*' must name a model of the price catalogue or of monitoring.cost.models");
		});
	}

	@Test
	void aModelWithoutPriceIsUnknownWithOneWarningNamingTheKey(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			CostCalculator calculator = context.getBean(CostCalculator.class);
			for (int i = 0; i < 3; i++) {
				assertThat(calculator.costOf(AgentOperation.modelCall("ollama", "llama3").tokens(10, 10).build()))
					.isNaN();
			}
			assertThat(output).containsOnlyOnce("No price for model 'llama3'")
				.contains("Set monitoring.cost.models.llama3.input and monitoring.cost.models.llama3.output");
		});
	}

	@Test
	void everyKindOfTokenAndALongContextPriceBindFromProperties() {
		this.contextRunner.withPropertyValues("monitoring.cost.models.acme.input=3", "monitoring.cost.models.acme.output=15",
				"monitoring.cost.models.acme.cached-input=0.30", "monitoring.cost.models.acme.cache-write=3.75",
				"monitoring.cost.models.acme.reasoning=20",
				"monitoring.cost.models.acme.long-context.above-input-tokens=200000",
				"monitoring.cost.models.acme.long-context.input=6", "monitoring.cost.models.acme.long-context.output=22.50")
			.run((context) -> assertThat(context.getBean(CostCalculator.class).priceOf("acme"))
				.isEqualTo(new ModelPrice(3, 15, 0.30, 3.75, 20, null).withLongContext(200_000,
						new ModelPrice(6, 22.50, 0.30, 3.75, 20, null))));
	}

	@Test
	void aLongContextPriceWithoutItsThresholdFailsStartUpNamingTheKey() {
		this.contextRunner.withPropertyValues("monitoring.cost.models.acme.input=3", "monitoring.cost.models.acme.output=15",
				"monitoring.cost.models.acme.long-context.input=6")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(FailureAnalyses.of(context.getStartupFailure())).contains(
						"Property: monitoring.cost.models.acme.long-context.above-input-tokens",
						"Reason: above-input-tokens must be set when a long-context price is");
			});
	}

	@Test
	void dayIsUtcUnlessAZoneIsSet() {
		this.contextRunner.run((context) -> assertThat(context.getBean(CostTracker.class).today().zone())
			.isEqualTo(ZoneId.of("UTC")));
		this.contextRunner.withPropertyValues("monitoring.cost.zone=Europe/Paris")
			.run((context) -> assertThat(context.getBean(CostTracker.class).today().zone())
				.isEqualTo(ZoneId.of("Europe/Paris")));
	}

	@Test
	void costCounterIsRegisteredWhenThereIsAMeterRegistry() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.metrics()))
			.withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
			.withPropertyValues("monitoring.cost.models.gpt-4o.input=2.50", "monitoring.cost.models.gpt-4o.output=10")
			.run((context) -> {
				AgentObservations observations = context.getBean(AgentObservations.class);
				observations.agent("research-agent")
					.observe(() -> observations.model("openai", "gpt-4o")
						.observe((call) -> call.tokens(1_000_000, 100_000)));
				assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
					.contains("gen_ai_client_cost_usd_total{gen_ai_agent_name=\"research-agent\","
							+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 3.5");
				assertThat(context.getBean(CostTracker.class).today().cost()).isEqualTo(3.5);
			});
	}

	@Test
	void noCostCounterWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(CostTracker.class);
			assertThat(context).doesNotHaveBean(CostMetrics.class);
		});
	}

	@Test
	void noCostCounterWithoutMicrometerCore() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(CostTracker.class);
			assertThat(context).doesNotHaveBean(CostMetrics.class);
		});
	}

	@Test
	void userCalculatorIsUsed() {
		CostCalculator calculator = new CostCalculator(Map.of());
		this.contextRunner.withBean(CostCalculator.class, () -> calculator)
			.withPropertyValues("monitoring.cost.models.gpt-4o.input=2.50", "monitoring.cost.models.gpt-4o.output=10")
			.run((context) -> assertThat(context.getBean(CostCalculator.class)).isSameAs(calculator));
	}

	@Test
	void nothingWhenMonitoringIsDisabled() {
		this.contextRunner.withPropertyValues("monitoring.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(CostCalculator.class);
			assertThat(context).doesNotHaveBean(CostTracker.class);
		});
	}

	private static double costOf(String scrape, String provider, String model) {
		String series = "gen_ai_client_cost_usd_total{gen_ai_agent_name=\"research-agent\",gen_ai_provider_name=\""
				+ provider + "\",gen_ai_request_model=\"" + model + "\"} ";
		return scrape.lines()
			.filter((line) -> line.startsWith(series))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length())))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no series " + series + "in\n" + scrape));
	}

	// The cost of a call from the bundled catalogue's own figures (USD per token), read apart
	// from the starter's reader: JSON is YAML, so SnakeYAML reads the file as it is
	private static double bundledCost(String model, long input, long cached, long output) throws IOException {
		Map<String, Map<String, Object>> catalogue;
		try (InputStream file = new ClassPathResource("dev/agentobs/cost/model-prices.json").getInputStream()) {
			catalogue = new Yaml().load(file);
		}
		Map<String, Object> entry = catalogue.get(model);
		double cachedPrice = perToken(entry.getOrDefault("cache_read_input_token_cost", entry.get("input_cost_per_token")));
		return (input - cached) * perToken(entry.get("input_cost_per_token")) + cached * cachedPrice
				+ output * perToken(entry.get("output_cost_per_token"));
	}

	// SnakeYAML reads 1e-05 (no dot) as text and 2.5e-06 as a number
	private static double perToken(Object price) {
		return Double.parseDouble(String.valueOf(price));
	}

}
