package dev.agentobs.internal.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.stats.MutableClock;
import dev.agentobs.stats.OperationSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * Tests for {@link LatencyBuckets} and the percentiles the statistics read from them.
 */
class LatencyBucketsTests {

	@Test
	void p95IsWithinOnePercentOfTheExactOneForUniformDurations() {
		long[] nanos = new long[100_000];
		for (int i = 0; i < nanos.length; i++) {
			nanos[i] = Duration.ofMillis(i + 1).toNanos();
		}
		assertP95WithinOnePercent(nanos);
	}

	@Test
	void p95IsWithinOnePercentOfTheExactOneForLongTailedDurations() {
		// Log-normal around 800 ms, as model calls are: a long tail up to tens of seconds.
		SplittableRandom random = new SplittableRandom(42);
		long[] nanos = new long[50_000];
		for (int i = 0; i < nanos.length; i++) {
			double gaussian = Math.sqrt(-2 * Math.log(random.nextDouble()))
					* Math.cos(2 * Math.PI * random.nextDouble());
			nanos[i] = (long) (Math.exp(Math.log(0.8e9) + 0.9 * gaussian));
		}
		assertP95WithinOnePercent(nanos);
	}

	@Test
	void everyDurationUpToNineteenHoursReadsBackWithinTheRelativeAccuracy() {
		for (long nanos = 1_000; nanos < 19 * 3_600_000_000_000L; nanos = nanos * 1013 / 1000 + 7) {
			long readBack = LatencyBuckets.nanos(LatencyBuckets.index(nanos));
			assertThat((double) readBack).as("%d ns", nanos).isCloseTo(nanos, withinPercentage(1));
		}
	}

	@Test
	void bucketsAreFewAndFixed() {
		assertThat(LatencyBuckets.COUNT).isLessThan(1500);
		assertThat(LatencyBuckets.index(Long.MAX_VALUE)).isEqualTo(LatencyBuckets.COUNT - 1);
		assertThat(LatencyBuckets.index(0)).isZero();
	}

	private static void assertP95WithinOnePercent(long[] nanos) {
		MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
		OperationStatistics statistics = new OperationStatistics(Duration.ofMinutes(5), new TagValueLimits(10), clock,
				null, null);
		for (long value : nanos) {
			statistics.accept(AgentOperation.agentRun("research-agent").duration(Duration.ofNanos(value)).build());
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		// Nearest rank: the smallest value with at least 95% of the values at or below it
		long exact = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
		OperationSummary window = statistics.snapshot().overall().window();
		assertThat((double) window.p95ResponseTime().toNanos()).isCloseTo(exact, withinPercentage(1));
		assertThat((double) statistics.snapshot().overall().total().p95ResponseTime().toNanos()).isCloseTo(exact,
				withinPercentage(1));
	}

}
