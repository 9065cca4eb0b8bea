package dev.agentobs.internal.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * The bucket boundaries of the {@link AgentMetrics} histograms (those of the GenAI semantic
 * conventions), given only to the registries that publish a histogram as one metric with its
 * buckets: Prometheus and OTLP. Every other registry keeps its own distribution of these
 * meters: StatsD, for one, would send each bucket as a gauge of its own, each a custom metric
 * to pay for in Datadog.
 * <p>
 * A {@link MeterFilter}, added to each such registry before any meter is registered (Spring
 * Boot's {@code MeterRegistryCustomizer} does it) with {@link #applyTo(MeterRegistry)}, which
 * looks inside composite registries. Boundaries set by the application for the same meters
 * (Spring Boot's {@code management.metrics.distribution.slo.*}, a filter added later) win.
 * The filter acts when a meter is registered, never when one records.
 *
 * @since 0.1.0
 */
public final class HistogramBuckets implements MeterFilter {

	// Bucket boundaries of the GenAI semantic conventions, in seconds
	private static final double[] DURATION_SECONDS = { 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12,
			10.24, 20.48, 40.96, 81.92 };

	// Chunks come tens of milliseconds apart: the conventions' boundaries for the server's time per output token
	private static final double[] CHUNK_SECONDS = { 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75,
			1.0, 2.5 };

	// Agent runs span many model and tool calls: the same doubling, from 0.1 s to almost 7 min
	private static final double[] AGENT_RUN_SECONDS = { 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 51.2, 102.4,
			204.8, 409.6 };

	private static final double[] TOKENS = { 1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304,
			16777216, 67108864 };

	// A registry that publishes histograms, by the name of its class or of a class it extends:
	// none of them needs to be on the class path
	private static final Set<String> HISTOGRAM_REGISTRIES = Set.of(
			"io.micrometer.prometheusmetrics.PrometheusMeterRegistry",
			"io.micrometer.prometheus.PrometheusMeterRegistry", "io.micrometer.registry.otlp.OtlpMeterRegistry");

	// Timers' boundaries in nanoseconds, as DistributionStatisticConfig holds them
	private static final Map<String, DistributionStatisticConfig> BUCKETS = Map.of(AgentMetrics.MODEL_CALL_DURATION,
			slo(nanos(DURATION_SECONDS)), AgentMetrics.AGENT_RUN_DURATION, slo(nanos(AGENT_RUN_SECONDS)),
			AgentMetrics.TOOL_CALL_DURATION, slo(nanos(DURATION_SECONDS)), AgentMetrics.AGENT_STEP_DURATION,
			slo(nanos(DURATION_SECONDS)), AgentMetrics.CODE_EXECUTION_DURATION, slo(nanos(DURATION_SECONDS)),
			AgentMetrics.TIME_TO_FIRST_CHUNK, slo(nanos(DURATION_SECONDS)), AgentMetrics.TIME_PER_OUTPUT_CHUNK,
			slo(nanos(CHUNK_SECONDS)), AgentMetrics.TOKEN_USAGE, slo(TOKENS));

	// The registries given the buckets, so that a registry met twice (on its own and inside a
	// composite) gets the filter once
	private final Set<MeterRegistry> applied = Collections
		.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	/**
	 * Give the buckets to the registry if it publishes histograms, or to each registry inside
	 * it that does. Call it before meters are registered; calling it again for a registry
	 * already given the buckets does nothing.
	 * @param registry a registry, composite or not
	 */
	public void applyTo(MeterRegistry registry) {
		if (registry instanceof CompositeMeterRegistry composite) {
			for (MeterRegistry member : composite.getRegistries()) {
				applyTo(member);
			}
		}
		else if (publishesHistograms(registry) && this.applied.add(registry)) {
			registry.config().meterFilter(this);
		}
	}

	/**
	 * Whether the registry publishes a histogram as one metric with its buckets: Prometheus
	 * (either client) and OTLP, and registries that extend theirs.
	 * @param registry a registry that is not composite
	 * @return {@code true} for a registry that should have the buckets
	 */
	public static boolean publishesHistograms(MeterRegistry registry) {
		for (Class<?> type = registry.getClass(); type != null; type = type.getSuperclass()) {
			if (HISTOGRAM_REGISTRIES.contains(type.getName())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
		DistributionStatisticConfig buckets = BUCKETS.get(id.getName());
		return (buckets != null) ? buckets.merge(config) : config;
	}

	private static DistributionStatisticConfig slo(double[] boundaries) {
		return DistributionStatisticConfig.builder().serviceLevelObjectives(boundaries).build();
	}

	private static double[] nanos(double[] seconds) {
		double[] nanos = new double[seconds.length];
		for (int i = 0; i < seconds.length; i++) {
			nanos[i] = Math.round(seconds[i] * 1_000_000_000L);
		}
		return nanos;
	}

}
