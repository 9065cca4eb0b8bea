package dev.agentobs.autoconfigure;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.statsd.StatsdMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.statsd.StatsdMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.api.AgentObservations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HistogramBucketsConfiguration}: an application exporting to Prometheus and,
 * through Spring Boot's StatsD export (Datadog flavor, its default), to a UDP socket on
 * loopback.
 */
class HistogramBucketsConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, PrometheusMetricsExportAutoConfiguration.class,
					StatsdMetricsExportAutoConfiguration.class, AgentObservationAutoConfiguration.class,
					AgentMetricsAutoConfiguration.class, AgentStatisticsAutoConfiguration.class));

	@Test
	void statsdGetsTheTimersWithoutBucketGaugesAndPrometheusGetsTheBuckets() throws IOException {
		try (DatagramSocket agent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			// Only a silent socket waits this long: a poll sends every 100 ms
			agent.setSoTimeout(10_000);
			this.contextRunner
				.withPropertyValues("management.statsd.metrics.export.host=127.0.0.1",
						"management.statsd.metrics.export.port=" + agent.getLocalPort(),
						"management.statsd.metrics.export.polling-frequency=100ms")
				.run((context) -> {
					// StatsD lines sent before its UDP client is connected are dropped: wait for a gauge of the test's
					Gauge.builder("connected", () -> 1).register(context.getBean(StatsdMeterRegistry.class));
					assertThat(receive(agent, "connected:", 1)).anyMatch((line) -> line.startsWith("connected:"));
					AgentObservations observations = context.getBean(AgentObservations.class);
					observations.agent("research-agent").observe(() -> {
						observations.model("openai", "gpt-4o").observe((call) -> call.tokens(1200, 300));
						return observations.tool("web_search").observe(() -> "results");
					});
					List<String> lines = receive(agent, "agent.active.runs:", 3);
					// agent_active_runs is a gauge: its line means the bucket gauges had their polls too
					assertThat(lines).anyMatch((line) -> line.startsWith("gen_ai.execute_tool.duration:"))
						.anyMatch((line) -> line.startsWith("gen_ai.client.token.usage:1200|h|"))
						.anyMatch((line) -> line.startsWith("agent.active.runs:"))
						.noneMatch((line) -> line.contains(".histogram:"));
					assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
						.contains("gen_ai_invoke_agent_duration_seconds_bucket{error_type=\"none\","
								+ "gen_ai_agent_name=\"research-agent\",le=\"409.6\"} 1")
						.contains("gen_ai_client_token_usage_tokens_bucket{gen_ai_operation_name=\"chat\","
								+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\","
								+ "gen_ai_token_type=\"input\",le=\"4096.0\"} 1");
				});
		}
	}

	/**
	 * The lines of the packets received until {@code polls} polling intervals passed with a
	 * gauge in them, the socket stayed silent for its timeout, or 20 seconds passed.
	 */
	private static List<String> receive(DatagramSocket agent, String gauge, int polls) throws IOException {
		List<String> lines = new ArrayList<>();
		byte[] buffer = new byte[65_536];
		int gaugePolls = 0;
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (gaugePolls < polls && System.nanoTime() < deadline) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				agent.receive(packet);
			}
			catch (SocketTimeoutException ex) {
				break;
			}
			for (String line : new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8).split("\n")) {
				lines.add(line);
				if (line.startsWith(gauge)) {
					gaugePolls++;
				}
			}
		}
		return lines;
	}

}
