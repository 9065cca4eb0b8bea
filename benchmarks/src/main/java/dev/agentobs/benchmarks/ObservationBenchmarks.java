package dev.agentobs.benchmarks;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.context.ConfigurableApplicationContext;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.cost.AgentBudget;
import dev.agentobs.internal.metrics.AgentMetrics;
import dev.agentobs.internal.metrics.HistogramBuckets;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.observation.AgentObservationDocumentation;
import dev.agentobs.observation.AgentRunContext;
import dev.agentobs.observation.DefaultAgentRunObservationConvention;
import dev.agentobs.operation.AgentOperation;

/**
 * What observing one agent operation costs the agent's thread, against what Spring Boot's own
 * observation handling costs for an observation with the same tags, and against timing the
 * work directly. Every set-up records into a real {@link PrometheusMeterRegistry}; the Spring
 * Boot and starter set-ups are the real auto-configurations of {@link BenchmarkApplication}.
 * Run with {@code -prof gc} for the bytes allocated per operation.
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ObservationBenchmarks {

	/**
	 * The floor: the starter's tool-call timer (same name, tags and buckets) recording the
	 * work directly, looked up once.
	 * @param state the timer
	 * @return the work's result
	 */
	@Benchmark
	public String plainTimer(PlainTimer state) {
		return state.timer.record(AgentCalls.WORK);
	}

	/**
	 * The anchor: an observation with the same tags, handled as Spring Boot handles any
	 * observation, by Micrometer's {@code DefaultMeterObservationHandler} (a timer and a long
	 * task timer, looked up on every call).
	 * @param state Spring Boot without the starter
	 * @return the work's result
	 */
	@Benchmark
	public String anchorBootDefaultObservation(Boot state) {
		return Observation.createNotStarted(AgentCalls.TOOL_CALL, state.registry)
			.lowCardinalityKeyValues(AgentCalls.TOOL_KEY_VALUES)
			.observe(AgentCalls.WORK);
	}

	/**
	 * {@link #anchorBootDefaultObservation(Boot)} on two threads at once, into the same
	 * meters: what {@link #toolCallObservedTwoThreads(Starter)} compares with.
	 * @param state Spring Boot without the starter
	 * @return the work's result
	 */
	@Benchmark
	@Threads(2)
	public String anchorBootDefaultObservationTwoThreads(Boot state) {
		return anchorBootDefaultObservation(state);
	}

	/**
	 * A tool call through the facade with every sink the starter installs by default: metrics,
	 * statistics, cost, one event listener and log events.
	 * @param state the starter
	 * @return the work's result
	 */
	@Benchmark
	public String toolCallObserved(Starter state) {
		return AgentCalls.toolCall(state.observations);
	}

	/**
	 * {@link #toolCallObserved(Starter)} on two threads at once, into the same meters.
	 * @param state the starter
	 * @return the work's result
	 */
	@Benchmark
	@Threads(2)
	public String toolCallObservedTwoThreads(Starter state) {
		return AgentCalls.toolCall(state.observations);
	}

	/**
	 * The same tool call when the application has no observation registry.
	 * @param state the facade over {@link ObservationRegistry#NOOP}
	 * @return the work's result
	 */
	@Benchmark
	public String toolCallNoopRegistry(Noop state) {
		return AgentCalls.toolCall(state.observations);
	}

	/**
	 * A model call with tokens: its duration, token usage, cost, statistics, event and log
	 * event.
	 * @param state the starter
	 * @return the work's result
	 */
	@Benchmark
	public String modelCallObserved(Starter state) {
		return AgentCalls.modelCall(state.observations);
	}

	/**
	 * {@link #modelCallObserved(Starter)} inside an agent run, with or without a budget: its
	 * tokens and cost are added to the run's ledger when it stops, beside every sink of the
	 * starter (the recent runs' tree among them); with a budget, the call is first checked
	 * against it.
	 * @param state the starter, with a run open on the benchmark's thread
	 * @return the work's result
	 */
	@Benchmark
	public String modelCallInRun(OpenRun state) {
		return AgentCalls.modelCall(state.starter.observations);
	}

	/**
	 * {@link #modelCallInRun(OpenRun)} with a budget, handled by the starter's observation
	 * handlers with the run's ledger as the only sink: the observation with its cost and budget
	 * accounting (the call checked against the budget, priced from the catalogue and added to
	 * the ledger) and without the metrics, statistics, recent runs, events and log event every
	 * other benchmark of the starter records.
	 * @param state the starter with the ledgers as its only sink, with a run open on the
	 * benchmark's thread
	 * @return the work's result
	 */
	@Benchmark
	public String modelCallInRunLedgersOnly(LedgersOnlyRun state) {
		return AgentCalls.modelCall(state.observations);
	}

	/**
	 * A streamed model call of {@value AgentCalls#CHUNKS} chunks: its duration, time to first
	 * chunk, time per output chunk, token usage, cost, statistics, event and log event.
	 * @param state the starter
	 * @return the work's result
	 */
	@Benchmark
	public String streamedModelCallObserved(Starter state) {
		return AgentCalls.streamedModelCall(state.observations);
	}

	/**
	 * The same streamed model call when the application has no observation registry.
	 * @param state the facade over {@link ObservationRegistry#NOOP}
	 * @return the work's result
	 */
	@Benchmark
	public String streamedModelCallNoopRegistry(Noop state) {
		return AgentCalls.streamedModelCall(state.observations);
	}

	/**
	 * An agent run of three steps, each one model call and one tool call: ten operations.
	 * @param state the starter
	 * @return the run's result
	 */
	@Benchmark
	public String agentRunWithSteps(Starter state) {
		return AgentCalls.agentRun(state.observations);
	}

	/**
	 * The starter's tool-call timer in a registry of its own.
	 */
	@State(Scope.Benchmark)
	public static class PlainTimer {

		Timer timer;

		@Setup(Level.Trial)
		public void register() {
			PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
			new HistogramBuckets().applyTo(registry);
			AgentMetrics metrics = new AgentMetrics(registry, new TagValueLimits(100));
			// Let the starter register its timer, so that the floor records into the very same kind of meter
			metrics.accept(AgentOperation.toolCall(AgentCalls.TOOL).build());
			this.timer = registry.get(AgentMetrics.TOOL_CALL_DURATION).timer();
		}

	}

	/**
	 * Spring Boot without the starter.
	 */
	@State(Scope.Benchmark)
	public static class Boot {

		ConfigurableApplicationContext context;

		ObservationRegistry registry;

		@Setup(Level.Trial)
		public void start() {
			this.context = BenchmarkApplication.start(BenchmarkApplication.Setup.BOOT);
			this.registry = this.context.getBean(ObservationRegistry.class);
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.context.close();
		}

	}

	/**
	 * Spring Boot with the starter.
	 */
	@State(Scope.Benchmark)
	public static class Starter {

		ConfigurableApplicationContext context;

		AgentObservations observations;

		@Setup(Level.Trial)
		public void start() {
			this.context = BenchmarkApplication.start(BenchmarkApplication.Setup.STARTER);
			this.observations = this.context.getBean(AgentObservations.class);
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.context.close();
		}

	}

	/**
	 * An agent run, with a budget it never reaches or none, open on the benchmark's thread for
	 * the whole trial, so that each model call is one of its operations.
	 */
	@State(Scope.Thread)
	public static class OpenRun {

		@Param({ "true", "false" })
		boolean budget;

		Starter starter;

		Observation.Scope scope;

		@Setup(Level.Trial)
		public void start(Starter starter) {
			this.starter = starter;
			this.scope = openRun(starter.context, this.budget);
		}

		@TearDown(Level.Trial)
		public void stop() {
			closeRun(this.scope);
		}

	}

	/**
	 * The starter with the runs' ledgers as its only sink, and a run with a budget it never
	 * reaches open on the benchmark's thread for the whole trial.
	 */
	@State(Scope.Thread)
	public static class LedgersOnlyRun {

		ConfigurableApplicationContext context;

		AgentObservations observations;

		Observation.Scope scope;

		@Setup(Level.Trial)
		public void start() {
			this.context = BenchmarkApplication.start(BenchmarkApplication.Setup.STARTER_LEDGERS_ONLY);
			this.observations = this.context.getBean(AgentObservations.class);
			this.scope = openRun(this.context, true);
		}

		@TearDown(Level.Trial)
		public void stop() {
			closeRun(this.scope);
			this.context.close();
		}

	}

	/**
	 * Start an agent run and open its scope on this thread.
	 * @param application the application whose observation registry observes the run
	 * @param budget whether the run has a budget (one it never reaches)
	 * @return the run's open scope
	 */
	static Observation.Scope openRun(ConfigurableApplicationContext application, boolean budget) {
		ObservationRegistry registry = application.getBean(ObservationRegistry.class);
		AgentRunContext context = new AgentRunContext(AgentCalls.AGENT);
		if (budget) {
			context.setBudget(AgentBudget.unlimited().maxTokens(Long.MAX_VALUE).maxCost(1e12).maxModelCalls(Long.MAX_VALUE));
		}
		return AgentObservationDocumentation.AGENT_RUN
			.observation(null, DefaultAgentRunObservationConvention.INSTANCE, () -> context, registry)
			.start()
			.openScope();
	}

	/**
	 * Close the scope of a run {@link #openRun opened} and stop the run.
	 * @param scope the run's scope
	 */
	static void closeRun(Observation.Scope scope) {
		scope.close();
		scope.getCurrentObservation().stop();
	}

	/**
	 * The facade as the starter makes it when there is no observation registry.
	 */
	@State(Scope.Benchmark)
	public static class Noop {

		final AgentObservations observations = new AgentObservations(ObservationRegistry.NOOP, (operation) -> {
		});

	}

}
