package dev.agentobs.benchmarks;

import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.context.ConfigurableApplicationContext;

import dev.agentobs.api.AgentObservations;

/**
 * A traced tool call against a traced observation as Spring Boot handles it: both with the
 * OpenTelemetry SDK of Spring Boot's tracing auto-configuration, every span sampled, and an
 * exporter that drops the spans.
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class TracingBenchmarks {

	/**
	 * The anchor: an observation with the same tags, handled by Spring Boot's default meter and
	 * tracing handlers.
	 * @param state Spring Boot without the starter, traced
	 * @return the work's result
	 */
	@Benchmark
	public String anchorBootDefaultTraced(BootTraced state) {
		return Observation.createNotStarted(AgentCalls.TOOL_CALL, state.registry)
			.lowCardinalityKeyValues(AgentCalls.TOOL_KEY_VALUES)
			.observe(AgentCalls.WORK);
	}

	/**
	 * A tool call through the facade, with the starter's span handler and every default sink.
	 * @param state the starter, traced
	 * @return the work's result
	 */
	@Benchmark
	public String toolCallTraced(StarterTraced state) {
		return AgentCalls.toolCall(state.observations);
	}

	/**
	 * Spring Boot without the starter, traced.
	 */
	@State(Scope.Benchmark)
	public static class BootTraced {

		ConfigurableApplicationContext context;

		ObservationRegistry registry;

		@Setup(Level.Trial)
		public void start() {
			this.context = BenchmarkApplication.start(BenchmarkApplication.Setup.BOOT_TRACED);
			this.registry = this.context.getBean(ObservationRegistry.class);
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.context.close();
		}

	}

	/**
	 * Spring Boot with the starter, traced.
	 */
	@State(Scope.Benchmark)
	public static class StarterTraced {

		ConfigurableApplicationContext context;

		AgentObservations observations;

		@Setup(Level.Trial)
		public void start() {
			this.context = BenchmarkApplication.start(BenchmarkApplication.Setup.STARTER_TRACED);
			this.observations = this.context.getBean(AgentObservations.class);
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.context.close();
		}

	}

}
