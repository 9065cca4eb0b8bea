package dev.agentobs.internal.metrics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.micrometer.statsd.StatsdConfig;
import io.micrometer.statsd.StatsdFlavor;
import io.micrometer.statsd.StatsdMeterRegistry;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.agentobs.operation.AgentOperation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HistogramBuckets}: a real StatsD registry (Datadog flavor) and a real
 * Prometheus registry in one composite, and a real OTLP registry publishing to an HTTP server
 * on loopback.
 */
@ExtendWith(OutputCaptureExtension.class)
class HistogramBucketsTests {

	private static final List<String> DURATION_BUCKETS = List.of("0.01", "0.02", "0.04", "0.08", "0.16", "0.32",
			"0.64", "1.28", "2.56", "5.12", "10.24", "20.48", "40.96", "81.92", "+Inf");

	private static final List<String> OUR_FAMILIES = List.of(AgentMetrics.AGENT_RUN_DURATION,
			AgentMetrics.AGENT_STEP_DURATION, AgentMetrics.MODEL_CALL_DURATION, AgentMetrics.TOKEN_USAGE,
			AgentMetrics.TOOL_CALL_DURATION, AgentMetrics.CODE_EXECUTION_DURATION);

	private final List<String> statsdLines = new CopyOnWriteArrayList<>();

	private final StatsdMeterRegistry statsd = StatsdMeterRegistry.builder(new StatsdConfig() {

		@Override
		public String get(String key) {
			return null;
		}

		@Override
		public StatsdFlavor flavor() {
			return StatsdFlavor.DATADOG;
		}

	}).lineSink(this.statsdLines::add).build();

	private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final CompositeMeterRegistry composite = new CompositeMeterRegistry(Clock.SYSTEM,
			List.of(this.statsd, this.prometheus));

	@AfterEach
	void close() {
		this.composite.close();
	}

	@Test
	void statsdInACompositeGetsNoBucketGaugesWhilePrometheusGetsTheSemconvBuckets() {
		new HistogramBuckets().applyTo(this.composite);
		recordRun(this.composite);
		// Closing polls every gauge once, as each polling interval would
		this.statsd.close();
		assertThat(bucketGauges()).isEmpty();
		assertThat(this.statsdLines).anyMatch((line) -> line.startsWith("gen_ai.client.operation.duration:150|ms|#"))
			.anyMatch((line) -> line.startsWith("gen_ai.client.token.usage:1200|h|#"));
		String scrape = this.prometheus.scrape();
		assertThat(scrape).contains("# TYPE gen_ai_client_operation_duration_seconds histogram",
				"# TYPE gen_ai_client_token_usage_tokens histogram", "# TYPE gen_ai_invoke_agent_duration_seconds histogram");
		assertThat(scrape).contains("gen_ai_client_operation_duration_seconds_bucket{error_type=\"none\","
				+ "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\","
				+ "le=\"0.16\"} 3");
		assertThat(scrape.lines()
			.filter((line) -> line.startsWith("gen_ai_execute_tool_duration_seconds_bucket{")
					&& line.contains("gen_ai_tool_name=\"web_search\""))
			.map((line) -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))).containsExactlyElementsOf(DURATION_BUCKETS);
	}

	@Test
	void bucketsGivenToEveryRegistryReachStatsdAsOneGaugePerBucket() {
		// What the starter did when the buckets were set on each meter: every registry had them
		this.composite.config().meterFilter(new HistogramBuckets());
		recordRun(this.composite);
		this.statsd.close();
		// 7 timer series (13 or 14 buckets and +Inf) and 4 token series (14 and +Inf)
		assertThat(bucketGauges()).hasSize(14 + 6 * 15 + 4 * 15);
	}

	@Test
	void otlpPublishesTheSemconvBucketsAsExplicitBounds() throws IOException {
		List<byte[]> requests = new CopyOnWriteArrayList<>();
		HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		collector.createContext("/v1/metrics", (exchange) -> {
			requests.add(exchange.getRequestBody().readAllBytes());
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		collector.start();
		try {
			Map<String, String> properties = Map.of("otlp.url",
					"http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/metrics", "otlp.baseTimeUnit",
					"seconds", "otlp.step", "1h");
			OtlpMeterRegistry otlp = new OtlpMeterRegistry((OtlpConfig) properties::get, Clock.SYSTEM);
			new HistogramBuckets().applyTo(otlp);
			recordRun(otlp);
			// Closing publishes once
			otlp.close();
		}
		finally {
			collector.stop(0);
		}
		assertThat(requests).hasSize(1);
		List<Metric> metrics = new ArrayList<>();
		ExportMetricsServiceRequest.parseFrom(requests.get(0))
			.getResourceMetricsList()
			.forEach((resource) -> resource.getScopeMetricsList()
				.forEach((scope) -> metrics.addAll(scope.getMetricsList())));
		Metric toolCalls = metrics.stream()
			.filter((metric) -> metric.getName().equals(AgentMetrics.TOOL_CALL_DURATION))
			.findFirst()
			.orElseThrow();
		assertThat(toolCalls.hasHistogram()).isTrue();
		assertThat(toolCalls.getHistogram().getDataPoints(0).getExplicitBoundsList()).containsExactly(0.01, 0.02, 0.04,
				0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
		Metric tokens = metrics.stream()
			.filter((metric) -> metric.getName().equals(AgentMetrics.TOKEN_USAGE))
			.findFirst()
			.orElseThrow();
		assertThat(tokens.getHistogram().getDataPoints(0).getExplicitBoundsList()).startsWith(1.0, 4.0, 16.0)
			.endsWith(67108864.0);
	}

	@Test
	void registriesThatPublishNoHistogramKeepTheirOwnDistribution() {
		SimpleMeterRegistry simple = new SimpleMeterRegistry();
		new HistogramBuckets().applyTo(simple);
		recordRun(simple);
		Timer modelCalls = simple.get(AgentMetrics.MODEL_CALL_DURATION).timer();
		assertThat(modelCalls.takeSnapshot().histogramCounts()).isEmpty();
		assertThat(HistogramBuckets.publishesHistograms(simple)).isFalse();
		assertThat(HistogramBuckets.publishesHistograms(this.statsd)).isFalse();
		assertThat(HistogramBuckets.publishesHistograms(this.prometheus)).isTrue();
	}

	@Test
	void aRegistryMetAgainIsLeftAsItIs(CapturedOutput output) {
		HistogramBuckets buckets = new HistogramBuckets();
		buckets.applyTo(this.prometheus);
		recordRun(this.composite);
		// Spring Boot customizes the composite after the registries inside it
		buckets.applyTo(this.composite);
		buckets.applyTo(this.prometheus);
		assertThat(output).doesNotContain("A MeterFilter is being configured after a Meter has been registered");
		assertThat(this.prometheus.scrape()).contains("gen_ai_client_operation_duration_seconds_bucket{");
	}

	@Test
	void bucketsSetLaterForTheSameMeterWin() {
		new HistogramBuckets().applyTo(this.prometheus);
		// As Spring Boot's management.metrics.distribution.slo.gen_ai.execute_tool.duration=1s adds it
		this.prometheus.config().meterFilter(new MeterFilter() {

			@Override
			public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
				return DistributionStatisticConfig.builder()
					.serviceLevelObjectives(Duration.ofSeconds(1).toNanos())
					.build()
					.merge(config);
			}

		});
		recordRun(this.prometheus);
		assertThat(this.prometheus.scrape().lines()
			.filter((line) -> line.startsWith("gen_ai_execute_tool_duration_seconds_bucket{")
					&& line.contains("web_search"))
			.map((line) -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))).containsExactly("1.0", "+Inf");
	}

	/**
	 * The StatsD gauges of our histograms' buckets: Micrometer names them
	 * {@code <meter>.histogram}, one per bucket with an {@code le} tag.
	 */
	private List<String> bucketGauges() {
		return this.statsdLines.stream()
			.filter((line) -> OUR_FAMILIES.stream().anyMatch((family) -> line.startsWith(family + ".histogram:")))
			.toList();
	}

	/**
	 * One run of a research agent: three steps, four model calls to two models, three calls
	 * to two tools and one code execution.
	 */
	private static void recordRun(MeterRegistry registry) {
		AgentMetrics metrics = new AgentMetrics(registry, new TagValueLimits(100));
		for (int step = 1; step <= 3; step++) {
			metrics.accept(AgentOperation.agentStep("research-agent", step).duration(Duration.ofSeconds(2)).build());
			metrics.accept(AgentOperation.modelCall("openai", "gpt-4o")
				.agentName("research-agent")
				.tokens(1200, 300)
				.duration(Duration.ofMillis(150))
				.build());
		}
		metrics.accept(AgentOperation.modelCall("openai", "gpt-4o-mini")
			.agentName("research-agent")
			.tokens(400, 80)
			.duration(Duration.ofMillis(90))
			.build());
		for (String tool : List.of("web_search", "web_search", "fact_check")) {
			metrics.accept(
					AgentOperation.toolCall(tool).agentName("research-agent").duration(Duration.ofMillis(600)).build());
		}
		metrics.accept(AgentOperation.codeExecution("python")
			.agentName("research-agent")
			.duration(Duration.ofMillis(40))
			.build());
		metrics.accept(AgentOperation.agentRun("research-agent").duration(Duration.ofSeconds(8)).build());
	}

}
