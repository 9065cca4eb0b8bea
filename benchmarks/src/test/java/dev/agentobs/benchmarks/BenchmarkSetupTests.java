package dev.agentobs.benchmarks;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.benchmarks.BenchmarkApplication.LastEventListener;
import dev.agentobs.benchmarks.BenchmarkApplication.Setup;
import dev.agentobs.internal.budget.RunLedger;
import dev.agentobs.internal.cost.CostMetrics;
import dev.agentobs.internal.cost.CostTracker;
import dev.agentobs.internal.event.AgentEventPublisher;
import dev.agentobs.internal.logging.AgentLogEvents;
import dev.agentobs.internal.metrics.AgentMetrics;
import dev.agentobs.internal.runs.RecentRuns;
import dev.agentobs.internal.stats.OperationStatistics;
import dev.agentobs.internal.tracing.AgentTracingObservationHandler;
import dev.agentobs.observation.AgentRunContext;
import dev.agentobs.operation.AgentOperationSink;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the benchmarks measure what they say: the starter's default sinks, the same meter
 * tags for every way of timing, spans only where traced, and a registry of 10k series. No
 * benchmark runs here.
 */
class BenchmarkSetupTests {

	private static final String TOOL_SERIES = "gen_ai_agent_name=\"unknown\",gen_ai_tool_name=\"web_search\","
			+ "gen_ai_tool_type=\"function\"";

	@Test
	void starterSetUpHasEveryDefaultSinkAndNoTracing() {
		try (ConfigurableApplicationContext context = BenchmarkApplication.start(Setup.STARTER)) {
			assertThat(context.getBeansOfType(AgentOperationSink.class).values()).hasAtLeastOneElementOfType(
					AgentMetrics.class)
				.hasAtLeastOneElementOfType(OperationStatistics.class)
				.hasAtLeastOneElementOfType(CostTracker.class)
				.hasAtLeastOneElementOfType(CostMetrics.class)
				.hasAtLeastOneElementOfType(AgentEventPublisher.class)
				.hasAtLeastOneElementOfType(AgentLogEvents.class)
				.hasAtLeastOneElementOfType(RecentRuns.class);
			assertThat(context.getBeansOfType(AgentTracingObservationHandler.class)).isEmpty();
			assertThat(context.getBeansOfType(Tracer.class)).isEmpty();
			AgentObservations observations = context.getBean(AgentObservations.class);
			assertThat(AgentCalls.toolCall(observations)).isEqualTo(AgentCalls.RESULT);
			assertThat(AgentCalls.modelCall(observations)).isEqualTo(AgentCalls.RESULT);
			assertThat(context.getBean(LastEventListener.class).last().name()).isEqualTo("model.generate");
			// Returns its result whatever happens: the scrape below shows what it recorded
			AgentCalls.streamedModelCall(observations);
			String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
			assertThat(scrape).contains("gen_ai_execute_tool_duration_seconds_count{error_type=\"none\","
					+ TOOL_SERIES + "} 1");
			assertThat(scrape).contains("gen_ai_client_operation_time_to_first_chunk_seconds_count{error_type=\"none\","
					+ "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 1");
			assertThat(scrape).contains("gen_ai_client_operation_time_per_output_chunk_seconds_count{"
					+ "error_type=\"none\",gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
					+ "gen_ai_request_model=\"gpt-4o\"} " + (AgentCalls.CHUNKS - 1));
			assertThat(scrape).contains("gen_ai_client_cost_usd_total{gen_ai_agent_name=\"unknown\","
					+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 0.012");
		}
	}

	@Test
	void ledgersOnlySetUpAccountsForTheCallInTheRunAndRecordsNothingElse() {
		ObservationBenchmarks.LedgersOnlyRun state = new ObservationBenchmarks.LedgersOnlyRun();
		state.start();
		try {
			RunLedger ledger = ((AgentRunContext) state.scope.getCurrentObservation().getContext()).getLedger();
			assertThat(ledger).isNotNull();
			assertThat(ledger.budgetOfRun()).isTrue();
			assertThat(AgentCalls.modelCall(state.observations)).isEqualTo(AgentCalls.RESULT);
			assertThat(ledger.modelCalls()).isEqualTo(1);
			assertThat(ledger.tokens()).isEqualTo(1500);
			assertThat(ledger.cost()).isPositive();
			assertThat(state.context.getBean(LastEventListener.class).last()).isNull();
			// No model call meter, no cost counter: no sink but the ledgers saw the call
			assertThat(state.context.getBean(PrometheusMeterRegistry.class).scrape()).doesNotContain("\ngen_ai_client_");
		}
		finally {
			state.stop();
		}
	}

	@Test
	void bootSetUpTimesTheAnchorWithTheSameTags() {
		try (ConfigurableApplicationContext context = BenchmarkApplication.start(Setup.BOOT)) {
			assertThat(context.getBeansOfType(AgentObservations.class)).isEmpty();
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			Observation.createNotStarted(AgentCalls.TOOL_CALL, registry)
				.lowCardinalityKeyValues(AgentCalls.TOOL_KEY_VALUES)
				.observe(AgentCalls.WORK);
			String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
			assertThat(scrape).contains("gen_ai_execute_tool_seconds_count{error=\"none\"," + TOOL_SERIES + "} 1");
			assertThat(scrape).contains("gen_ai_execute_tool_active_seconds_count{" + TOOL_SERIES + "} 0");
		}
	}

	@Test
	void plainTimerIsTheStartersToolCallTimer() {
		ObservationBenchmarks.PlainTimer state = new ObservationBenchmarks.PlainTimer();
		state.register();
		state.timer.record(AgentCalls.WORK);
		assertThat(state.timer.getId().getName()).isEqualTo(AgentMetrics.TOOL_CALL_DURATION);
		assertThat(state.timer.getId().getTags()).hasSize(4);
		assertThat(state.timer.count()).isEqualTo(2);
	}

	@Test
	void tracedSetUpsMakeSpansWithTheOpenTelemetrySdk() {
		try (ConfigurableApplicationContext context = BenchmarkApplication.start(Setup.STARTER_TRACED)) {
			assertThat(context.getBean(Tracer.class)).isInstanceOf(OtelTracer.class);
			assertThat(context.getBeansOfType(AgentTracingObservationHandler.class)).hasSize(1);
			AgentCalls.toolCall(context.getBean(AgentObservations.class));
			assertThat(context.getBean(LastEventListener.class).last().operation().scope().traceId()).isNotNull();
		}
		try (ConfigurableApplicationContext context = BenchmarkApplication.start(Setup.BOOT_TRACED)) {
			assertThat(context.getBean(Tracer.class)).isInstanceOf(OtelTracer.class);
			assertThat(context.getBeansOfType(AgentObservations.class)).isEmpty();
		}
	}

	@Test
	void scrapeRegistryHoldsTenThousandSeries() {
		ScrapeBenchmarks.Registry state = new ScrapeBenchmarks.Registry();
		state.fill();
		assertThat(ScrapeBenchmarks.Registry.series(state.registry)).isBetween(ScrapeBenchmarks.Registry.SERIES,
				ScrapeBenchmarks.Registry.SERIES + 200);
	}

}
