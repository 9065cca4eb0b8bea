package dev.agentobs.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
import org.openjdk.jmh.annotations.Warmup;

import dev.agentobs.internal.metrics.AgentMetrics;
import dev.agentobs.internal.metrics.HistogramBuckets;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.operation.AgentOperation;

/**
 * What one Prometheus scrape of a large registry costs: the starter's own meter families
 * (histograms of tool and model calls, token usage) for enough agents, tools and models to
 * hold {@value Registry#SERIES} series.
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ScrapeBenchmarks {

	/**
	 * Scrape the registry into the Prometheus text format.
	 * @param state the registry
	 * @return the scrape
	 */
	@Benchmark
	public String scrape10kSeries(Registry state) {
		return state.registry.scrape();
	}

	/**
	 * A Prometheus registry holding at least {@value #SERIES} series of the starter's
	 * families.
	 */
	@State(Scope.Benchmark)
	public static class Registry {

		/** How many series the registry holds at least. */
		public static final int SERIES = 10_000;

		private static final int AGENTS = 10;

		PrometheusMeterRegistry registry;

		@Setup(Level.Trial)
		public void fill() {
			this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
			new HistogramBuckets().applyTo(this.registry);
			AgentMetrics metrics = new AgentMetrics(this.registry, new TagValueLimits(SERIES));
			int i = 0;
			// Counting series means scraping: count once per batch of operations
			while (i % 64 != 0 || series(this.registry) < SERIES) {
				String agent = "agent-" + (i % AGENTS);
				Duration duration = Duration.ofMillis(5 + (i % 500));
				metrics.accept(AgentOperation.toolCall("tool-" + i).agentName(agent).duration(duration).build());
				if (i % 4 == 0) {
					metrics.accept(AgentOperation.modelCall("openai", "model-" + (i / 4))
						.agentName(agent)
						.duration(duration)
						.tokens(100 + i, 10 + i)
						.build());
				}
				i++;
			}
		}

		/**
		 * The series in a scrape: its lines that are not comments.
		 * @param registry the registry
		 * @return the number of series
		 */
		static int series(PrometheusMeterRegistry registry) {
			int series = 0;
			for (String line : registry.scrape().split("\n")) {
				if (!line.isEmpty() && line.charAt(0) != '#') {
					series++;
				}
			}
			return series;
		}

	}

}
