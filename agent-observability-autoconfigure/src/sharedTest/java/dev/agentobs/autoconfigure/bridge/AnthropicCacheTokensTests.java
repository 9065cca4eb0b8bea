package dev.agentobs.autoconfigure.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.anthropic.autoconfigure.AnthropicChatAutoConfiguration;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.chat.observation.autoconfigure.ChatObservationAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.retry.autoconfigure.SpringAiRetryAutoConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.AgentCostAutoConfiguration;
import dev.agentobs.autoconfigure.AgentEndpointAutoConfiguration;
import dev.agentobs.autoconfigure.AgentMetricsAutoConfiguration;
import dev.agentobs.autoconfigure.AgentObservationAutoConfiguration;
import dev.agentobs.autoconfigure.AgentStatisticsAutoConfiguration;
import dev.agentobs.autoconfigure.AgentTracingAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.autoconfigure.LangChain4jBridgeAutoConfiguration;
import dev.agentobs.autoconfigure.SpringAiBridgeAutoConfiguration;
import dev.agentobs.autoconfigure.endpoint.AgentsEndpoint;
import dev.agentobs.internal.bridge.AnthropicCompatibleServer;
import dev.agentobs.internal.bridge.langchain4j.LangChain4jChatModelListener;
import dev.agentobs.internal.bridge.springai.SpringAiChatClientHandler;
import dev.agentobs.internal.metrics.PrometheusSamples;
import dev.agentobs.internal.report.OperationSummaryDescriptor;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.RecordingSink;

import static dev.agentobs.internal.bridge.AnthropicCompatibleServer.CACHE_CREATION_INPUT_TOKENS;
import static dev.agentobs.internal.bridge.AnthropicCompatibleServer.CACHE_READ_INPUT_TOKENS;
import static dev.agentobs.internal.bridge.AnthropicCompatibleServer.INPUT_TOKENS;
import static dev.agentobs.internal.bridge.AnthropicCompatibleServer.OUTPUT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Anthropic's usage counts cache reads and writes apart from its {@code input_tokens}, and both
 * frameworks pass its {@code input_tokens} on as the call's input tokens. Through either bridge,
 * a call to a loopback server that answers as Anthropic's Messages API is recorded with the
 * input tokens the GenAI conventions count, cache tokens included, and each kind priced at its
 * own catalogue price: Spring AI's Anthropic client (2.0's on the official Anthropic SDK with
 * Spring Boot 4, 1.1's with Spring Boot 3.5) and LangChain4j's.
 */
class AnthropicCacheTokensTests {

	private static final long ALL_INPUT_TOKENS = INPUT_TOKENS + CACHE_READ_INPUT_TOKENS + CACHE_CREATION_INPUT_TOKENS;

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final RecordingSink sink = new RecordingSink();

	private AnthropicCompatibleServer server;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startServer() throws IOException {
		this.server = new AnthropicCompatibleServer();
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
					BootAutoConfigurations.metrics(), BootAutoConfigurations.openTelemetrySdk(),
					BootAutoConfigurations.openTelemetryTracing(), BootAutoConfigurations.micrometerTracing(),
					ChatObservationAutoConfiguration.class, ToolCallingAutoConfiguration.class,
					AnthropicChatAutoConfiguration.class, ChatClientAutoConfiguration.class,
					AgentObservationAutoConfiguration.class, AgentMetricsAutoConfiguration.class,
					AgentStatisticsAutoConfiguration.class, AgentCostAutoConfiguration.class,
					AgentTracingAutoConfiguration.class, AgentEndpointAutoConfiguration.class,
					SpringAiBridgeAutoConfiguration.class, LangChain4jBridgeAutoConfiguration.class))
			.withPropertyValues("spring.application.name=support-service", "management.tracing.sampling.probability=1.0",
					"management.endpoints.web.exposure.include=agents", "monitoring.logging.events=false",
					"spring.ai.anthropic.base-url=" + this.server.baseUrl(), "spring.ai.anthropic.api-key=test-key",
					"spring.ai.anthropic.chat.options.model=" + AnthropicCompatibleServer.MODEL)
			.withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
			.withBean(SpanProcessor.class, () -> SimpleSpanProcessor.create(this.exporter))
			.withBean(RecordingSink.class, () -> this.sink);
		// Spring AI 1.1's Anthropic client takes Spring AI's retry template; 2.0's SDK retries by itself
		this.contextRunner = SpringBootVersion.getVersion().startsWith("3.")
				? runner.withConfiguration(AutoConfigurations.of(SpringAiRetryAutoConfiguration.class))
					.withPropertyValues("spring.ai.retry.max-attempts=1")
				: runner;
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void springAiAnthropicCallCountsItsCacheTokensWithinInputAndPricesEachKind() {
		this.contextRunner.run((context) -> {
			String answer = context.getBean(ChatClient.Builder.class)
				.build()
				.prompt("What is the capital of France?")
				.advisors((advisors) -> advisors.param(SpringAiChatClientHandler.AGENT_NAME_PARAM, "geography-agent"))
				.call()
				.content();
			assertThat(answer).isEqualTo("Paris is the capital of France.");
			assertThat(this.server.requests()).isEqualTo(1);
			assertRecordedEverywhere(context);
		});
	}

	@Test
	void langChain4jAnthropicCallCountsItsCacheTokensWithinInputAndPricesEachKind() {
		this.contextRunner.run((context) -> {
			AnthropicChatModel model = AnthropicChatModel.builder()
				// Both of LangChain4j's HTTP clients are on this class path: name one
				.httpClientBuilder(JdkHttpClient.builder())
				.baseUrl(this.server.baseUrl() + "/v1/")
				.apiKey("test-key")
				.modelName(AnthropicCompatibleServer.MODEL)
				.timeout(Duration.ofSeconds(10))
				.maxRetries(0)
				.listeners(List.of(context.getBean(LangChain4jChatModelListener.class)))
				.build();
			AgentObservations observations = context.getBean(AgentObservations.class);
			String answer = observations.agent("geography-agent")
				.observe(() -> model.chat("What is the capital of France?"));
			assertThat(answer).isEqualTo("Paris is the capital of France.");
			assertRecordedEverywhere(context);
			// The bridge makes LangChain4j's model call span: the kinds are on it as numbers
			SpanData span = this.exporter.getFinishedSpanItems()
				.stream()
				.filter((candidate) -> candidate.getName().startsWith("chat "))
				.findFirst()
				.orElseThrow();
			assertThat(span.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens")))
				.isEqualTo(ALL_INPUT_TOKENS);
			assertThat(span.getAttributes().get(AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens")))
				.isEqualTo(CACHE_READ_INPUT_TOKENS);
			assertThat(span.getAttributes().get(AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens")))
				.isEqualTo(CACHE_CREATION_INPUT_TOKENS);
			assertThat(span.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens")))
				.isEqualTo(OUTPUT_TOKENS);
		});
	}

	private void assertRecordedEverywhere(AssertableApplicationContext context) throws IOException {
		ModelCall call = (ModelCall) this.sink.only(AgentOperation.Kind.MODEL_CALL);
		assertThat(call.providerName()).isEqualTo("anthropic");
		assertThat(call.agentName()).isEqualTo("geography-agent");
		assertThat(call.tokens().input()).isEqualTo(ALL_INPUT_TOKENS);
		assertThat(call.tokens().cachedInput()).isEqualTo(CACHE_READ_INPUT_TOKENS);
		assertThat(call.tokens().cacheWriteInput()).isEqualTo(CACHE_CREATION_INPUT_TOKENS);
		assertThat(call.tokens().output()).isEqualTo(OUTPUT_TOKENS);
		String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
		assertThat(anthropic(scrape, "gen_ai_client_token_usage_tokens_sum", "gen_ai_token_type=\"input\""))
			.isEqualTo(ALL_INPUT_TOKENS);
		assertThat(anthropic(scrape, "agent_token_usage_detail_tokens_total", "gen_ai_token_type=\"cache_read\""))
			.isEqualTo(CACHE_READ_INPUT_TOKENS);
		assertThat(anthropic(scrape, "agent_token_usage_detail_tokens_total", "gen_ai_token_type=\"cache_creation\""))
			.isEqualTo(CACHE_CREATION_INPUT_TOKENS);
		double expectedCost = bundledCost(AnthropicCompatibleServer.MODEL);
		assertThat(anthropic(scrape, "gen_ai_client_cost_usd_total", "gen_ai_agent_name=\"geography-agent\""))
			.isCloseTo(expectedCost, within(1e-9));
		OperationSummaryDescriptor model = context.getBean(AgentsEndpoint.class)
			.agents()
			.models()
			.get(AnthropicCompatibleServer.MODEL)
			.window();
		assertThat(model.inputTokens()).isEqualTo(ALL_INPUT_TOKENS);
		assertThat(model.cacheReadTokens()).isEqualTo(CACHE_READ_INPUT_TOKENS);
		assertThat(model.cacheWriteTokens()).isEqualTo(CACHE_CREATION_INPUT_TOKENS);
		assertThat(model.outputTokens()).isEqualTo(OUTPUT_TOKENS);
	}

	private static double anthropic(String scrape, String family, String label) {
		return PrometheusSamples.sample(scrape, family, label, "gen_ai_provider_name=\"anthropic\"");
	}

	// The call's cost from the bundled catalogue's own figures (USD per token), read apart from
	// the starter's reader: JSON is YAML, so SnakeYAML reads the file as it is
	private static double bundledCost(String model) throws IOException {
		Map<String, Map<String, Object>> catalogue;
		try (InputStream file = new ClassPathResource("dev/agentobs/cost/model-prices.json").getInputStream()) {
			catalogue = new Yaml().load(file);
		}
		Map<String, Object> entry = catalogue.get(model);
		return INPUT_TOKENS * perToken(entry.get("input_cost_per_token"))
				+ CACHE_READ_INPUT_TOKENS * perToken(entry.get("cache_read_input_token_cost"))
				+ CACHE_CREATION_INPUT_TOKENS * perToken(entry.get("cache_creation_input_token_cost"))
				+ OUTPUT_TOKENS * perToken(entry.get("output_cost_per_token"));
	}

	// SnakeYAML reads 1e-05 (no dot) as text and 2.5e-06 as a number
	private static double perToken(Object price) {
		return Double.parseDouble(String.valueOf(price));
	}

}
