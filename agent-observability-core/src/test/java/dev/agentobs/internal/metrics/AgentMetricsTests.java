package dev.agentobs.internal.metrics;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.agentobs.internal.stats.ActiveAgentRuns;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.ResponseStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentMetrics} against a real Prometheus registry's scrape text, the
 * registry given the buckets as the wiring gives them.
 */
@ExtendWith(OutputCaptureExtension.class)
class AgentMetricsTests {

	private static final List<String> DURATION_BUCKETS = List.of("0.01", "0.02", "0.04", "0.08", "0.16", "0.32",
			"0.64", "1.28", "2.56", "5.12", "10.24", "20.48", "40.96", "81.92", "+Inf");

	private static final List<String> AGENT_RUN_BUCKETS = List.of("0.1", "0.2", "0.4", "0.8", "1.6", "3.2", "6.4",
			"12.8", "25.6", "51.2", "102.4", "204.8", "409.6", "+Inf");

	private static final List<String> TOKEN_BUCKETS = List.of("1.0", "4.0", "16.0", "64.0", "256.0", "1024.0",
			"4096.0", "16384.0", "65536.0", "262144.0", "1048576.0", "4194304.0", "1.6777216E7", "6.7108864E7",
			"+Inf");

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final AgentMetrics metrics = new AgentMetrics(this.registry, new TagValueLimits(100));

	AgentMetricsTests() {
		new HistogramBuckets().applyTo(this.registry);
	}

	@Test
	void modelCallRecordsDurationWithSemconvBucketsAndNoneErrorType() {
		this.metrics.accept(AgentOperation.modelCall("openai", "gpt-4o")
			.agentName("research-agent")
			.tokens(1200, 300)
			.duration(Duration.ofMillis(150))
			.build());
		String scrape = this.registry.scrape();
		assertThat(scrape).contains("# TYPE gen_ai_client_operation_duration_seconds histogram");
		assertThat(bucketsOf(scrape, "gen_ai_client_operation_duration_seconds")).isEqualTo(DURATION_BUCKETS);
		assertThat(scrape).contains("gen_ai_client_operation_duration_seconds_count{error_type=\"none\","
				+ "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 1");
		assertThat(scrape).contains("gen_ai_client_operation_duration_seconds_bucket{error_type=\"none\","
				+ "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\","
				+ "le=\"0.08\"} 0");
		assertThat(scrape).contains("gen_ai_client_operation_duration_seconds_bucket{error_type=\"none\","
				+ "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\","
				+ "le=\"0.16\"} 1");
	}

	@Test
	void modelCallRecordsTokenUsageByTypeWithSemconvBuckets() {
		this.metrics.accept(
				AgentOperation.modelCall("openai", "gpt-4o").tokens(1200, 300).duration(Duration.ofMillis(1)).build());
		String scrape = this.registry.scrape();
		assertThat(scrape).contains("# TYPE gen_ai_client_token_usage_tokens histogram");
		assertThat(bucketsOf(scrape, "gen_ai_client_token_usage_tokens")).isEqualTo(TOKEN_BUCKETS);
		assertThat(scrape).contains("gen_ai_client_token_usage_tokens_sum{gen_ai_operation_name=\"chat\","
				+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\",gen_ai_token_type=\"input\"} 1200.0");
		assertThat(scrape).contains("gen_ai_client_token_usage_tokens_sum{gen_ai_operation_name=\"chat\","
				+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\",gen_ai_token_type=\"output\"} 300.0");
		assertThat(scrape).doesNotContain("error_type=\"none\",gen_ai_operation_name=\"chat\",gen_ai_provider_name="
				+ "\"openai\",gen_ai_request_model=\"gpt-4o\",gen_ai_token_type");
	}

	@Test
	void failedOperationCarriesItsErrorType() {
		this.metrics.accept(AgentOperation.toolCall("web_search")
			.agentName("research-agent")
			.error(new IllegalStateException("boom"))
			.duration(Duration.ofMillis(5))
			.build());
		assertThat(this.registry.scrape()).contains("gen_ai_execute_tool_duration_seconds_count{"
				+ "error_type=\"java.lang.IllegalStateException\",gen_ai_agent_name=\"research-agent\","
				+ "gen_ai_tool_name=\"web_search\",gen_ai_tool_type=\"function\"} 1");
	}

	@Test
	void everyFamilyHasItsLabelsAndBuckets() {
		this.metrics.accept(AgentOperation.agentRun("research-agent").duration(Duration.ofSeconds(2)).build());
		this.metrics.accept(AgentOperation.agentStep("research-agent", 1).duration(Duration.ofMillis(500)).build());
		this.metrics.accept(AgentOperation.toolCall("calculator").duration(Duration.ofMillis(3)).build());
		this.metrics.accept(AgentOperation.codeExecution("python").duration(Duration.ofMillis(30)).build());
		String scrape = this.registry.scrape();
		assertThat(bucketsOf(scrape, "gen_ai_invoke_agent_duration_seconds")).isEqualTo(AGENT_RUN_BUCKETS);
		assertThat(bucketsOf(scrape, "agent_step_duration_seconds")).isEqualTo(DURATION_BUCKETS);
		assertThat(bucketsOf(scrape, "gen_ai_execute_tool_duration_seconds")).isEqualTo(DURATION_BUCKETS);
		assertThat(bucketsOf(scrape, "agent_code_execution_duration_seconds")).isEqualTo(DURATION_BUCKETS);
		assertThat(scrape).contains(
				"gen_ai_invoke_agent_duration_seconds_count{error_type=\"none\",gen_ai_agent_name=\"research-agent\"} 1")
			.contains("agent_step_duration_seconds_count{error_type=\"none\",gen_ai_agent_name=\"research-agent\"} 1")
			.contains("gen_ai_execute_tool_duration_seconds_count{error_type=\"none\",gen_ai_agent_name=\"unknown\","
					+ "gen_ai_tool_name=\"calculator\",gen_ai_tool_type=\"function\"} 1")
			.contains("agent_code_execution_duration_seconds_count{error_type=\"none\",language=\"python\"} 1");
	}

	@Test
	void activeRunsGaugeShowsTheRunsInProgressOfEveryAgent() {
		ActiveAgentRuns activeRuns = new ActiveAgentRuns(new TagValueLimits(100));
		activeRuns.started("planner");
		activeRuns.onNewAgent(this.metrics::gaugeActiveRuns);
		activeRuns.started("research-agent");
		activeRuns.started("research-agent");
		activeRuns.finished("research-agent");
		assertThat(this.registry.scrape()).contains("agent_active_runs{gen_ai_agent_name=\"research-agent\"} 1")
			.contains("agent_active_runs{gen_ai_agent_name=\"planner\"} 1");
	}

	@Test
	void namesPastTheCapBecomeOtherWithOneWarningNamingTheLabel(CapturedOutput output) {
		AgentMetrics capped = new AgentMetrics(this.registry, new TagValueLimits(3));
		for (int i = 0; i < 10; i++) {
			capped.accept(AgentOperation.toolCall("tool_" + i).duration(Duration.ofMillis(1)).build());
		}
		String scrape = this.registry.scrape();
		assertThat(scrape).contains("gen_ai_tool_name=\"tool_0\"", "gen_ai_tool_name=\"tool_2\"");
		assertThat(scrape).doesNotContain("gen_ai_tool_name=\"tool_3\"");
		assertThat(scrape).contains("gen_ai_execute_tool_duration_seconds_count{error_type=\"none\","
				+ "gen_ai_agent_name=\"unknown\",gen_ai_tool_name=\"_OTHER\",gen_ai_tool_type=\"function\"} 7");
		assertThat(output.getOut().split("Label 'gen_ai.tool.name' reached 3 distinct values", -1)).hasSize(2);
	}

	@Test
	void repeatedNamesRecordIntoTheSeriesTheyWereFirstCappedTo() {
		AgentMetrics capped = new AgentMetrics(this.registry, new TagValueLimits(1));
		for (int i = 0; i < 3; i++) {
			capped.accept(AgentOperation.toolCall("web_search").duration(Duration.ofMillis(1)).build());
			capped.accept(AgentOperation.toolCall("calculator").duration(Duration.ofMillis(1)).build());
			capped.accept(AgentOperation.toolCall("calculator")
				.error(new IllegalStateException("boom"))
				.duration(Duration.ofMillis(1))
				.build());
		}
		String scrape = this.registry.scrape();
		assertThat(scrape).contains("gen_ai_execute_tool_duration_seconds_count{error_type=\"none\","
				+ "gen_ai_agent_name=\"unknown\",gen_ai_tool_name=\"web_search\",gen_ai_tool_type=\"function\"} 3");
		assertThat(scrape).contains("gen_ai_execute_tool_duration_seconds_count{error_type=\"none\","
				+ "gen_ai_agent_name=\"unknown\",gen_ai_tool_name=\"_OTHER\",gen_ai_tool_type=\"function\"} 3");
		assertThat(scrape).contains("gen_ai_execute_tool_duration_seconds_count{error_type=\"java.lang.IllegalStateException\","
				+ "gen_ai_agent_name=\"unknown\",gen_ai_tool_name=\"_OTHER\",gen_ai_tool_type=\"function\"} 3");
		assertThat(scrape).doesNotContain("gen_ai_tool_name=\"calculator\"");
	}

	@Test
	void modelCallsOfDifferentOperationsKeepTheirOwnTimersAndTokenSummaries() {
		for (int i = 0; i < 2; i++) {
			this.metrics.accept(AgentOperation.modelCall("openai", "gpt-4o")
				.tokens(100, 10)
				.duration(Duration.ofMillis(1))
				.build());
			this.metrics.accept(AgentOperation.modelCall("openai", "gpt-4o")
				.operationName("embeddings")
				.tokens(50, 0)
				.duration(Duration.ofMillis(1))
				.build());
		}
		String scrape = this.registry.scrape();
		assertThat(scrape).contains("gen_ai_client_operation_duration_seconds_count{error_type=\"none\","
				+ "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 2");
		assertThat(scrape).contains("gen_ai_client_operation_duration_seconds_count{error_type=\"none\","
				+ "gen_ai_operation_name=\"embeddings\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 2");
		assertThat(scrape).contains("gen_ai_client_token_usage_tokens_sum{gen_ai_operation_name=\"chat\","
				+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\",gen_ai_token_type=\"output\"} 20.0");
		assertThat(scrape).contains("gen_ai_client_token_usage_tokens_sum{gen_ai_operation_name=\"embeddings\","
				+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\",gen_ai_token_type=\"input\"} 100.0");
		assertThat(scrape).doesNotContain("gen_ai_operation_name=\"embeddings\",gen_ai_provider_name=\"openai\","
				+ "gen_ai_request_model=\"gpt-4o\",gen_ai_token_type=\"output\"");
	}

	@Test
	void streamedModelCallRecordsTimeToFirstChunkOnceAndTimePerOutputChunkForEachLaterChunk() {
		this.metrics.accept(AgentOperation.modelCall("openai", "gpt-4o")
			.stream(new ResponseStream(5, Duration.ofMillis(100), Duration.ofMillis(300)))
			.duration(Duration.ofMillis(320))
			.build());
		String scrape = this.registry.scrape();
		String labels = "{error_type=\"none\",gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
				+ "gen_ai_request_model=\"gpt-4o\"}";
		assertThat(bucketsOf(scrape, "gen_ai_client_operation_time_to_first_chunk_seconds"))
			.isEqualTo(DURATION_BUCKETS);
		assertThat(bucketsOf(scrape, "gen_ai_client_operation_time_per_output_chunk_seconds")).containsExactly("0.01",
				"0.025", "0.05", "0.075", "0.1", "0.15", "0.2", "0.3", "0.4", "0.5", "0.75", "1.0", "2.5", "+Inf");
		assertThat(scrape).contains("gen_ai_client_operation_time_to_first_chunk_seconds_count" + labels + " 1")
			.contains("gen_ai_client_operation_time_to_first_chunk_seconds_sum" + labels + " 0.1\n")
			.contains("gen_ai_client_operation_time_per_output_chunk_seconds_count" + labels + " 4")
			.contains("gen_ai_client_operation_time_per_output_chunk_seconds_sum" + labels + " 0.2\n");
	}

	@Test
	void callsThatDidNotStreamOrGotNoChunkRecordNoChunkTimes() {
		this.metrics.accept(AgentOperation.modelCall("openai", "gpt-4o").duration(Duration.ofMillis(10)).build());
		this.metrics.accept(AgentOperation.modelCall("openai", "gpt-4o")
			.stream(ResponseStream.NO_CHUNKS)
			.duration(Duration.ofMillis(10))
			.build());
		assertThat(this.registry.scrape()).doesNotContain("time_to_first_chunk").doesNotContain("time_per_output_chunk");
	}

	@Test
	void cacheAndReasoningTokensAreCountedByKindAndTheConventionsTokenUsageKeepsInputAndOutputOnly() {
		for (int i = 0; i < 2; i++) {
			this.metrics.accept(AgentOperation.modelCall("anthropic", "claude-sonnet-4")
				.tokens(5000, 800)
				.cacheReadTokens(4096)
				.cacheWriteTokens(512)
				.reasoningTokens(300)
				.duration(Duration.ofMillis(10))
				.build());
		}
		String scrape = this.registry.scrape();
		String labels = "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"anthropic\","
				+ "gen_ai_request_model=\"claude-sonnet-4\",gen_ai_token_type=";
		assertThat(scrape).contains("# TYPE agent_token_usage_detail_tokens_total counter")
			.contains("agent_token_usage_detail_tokens_total{" + labels + "\"cache_read\"} 8192.0")
			.contains("agent_token_usage_detail_tokens_total{" + labels + "\"cache_creation\"} 1024.0")
			.contains("agent_token_usage_detail_tokens_total{" + labels + "\"reasoning\"} 600.0")
			.contains("gen_ai_client_token_usage_tokens_sum{" + labels + "\"input\"} 10000.0")
			.contains("gen_ai_client_token_usage_tokens_sum{" + labels + "\"output\"} 1600.0")
			.doesNotContain("gen_ai_client_token_usage_tokens_count{" + labels + "\"cache");
	}

	private static List<String> bucketsOf(String scrape, String family) {
		String firstSeries = null;
		Pattern pattern = Pattern.compile("^" + family + "_bucket\\{(.*)le=\"([^\"]+)\"\\}", Pattern.MULTILINE);
		Matcher matcher = pattern.matcher(scrape);
		java.util.ArrayList<String> buckets = new java.util.ArrayList<>();
		while (matcher.find()) {
			if (firstSeries == null) {
				firstSeries = matcher.group(1);
			}
			if (matcher.group(1).equals(firstSeries)) {
				buckets.add(matcher.group(2));
			}
		}
		return buckets;
	}

}
