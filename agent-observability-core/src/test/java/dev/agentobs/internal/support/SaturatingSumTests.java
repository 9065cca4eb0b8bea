package dev.agentobs.internal.support;

import java.util.concurrent.atomic.LongAccumulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SaturatingSum}.
 */
class SaturatingSumTests {

	@Test
	void sumsBelowTheLimitAreExact() {
		assertThat(SaturatingSum.add(40, 2)).isEqualTo(42);
		assertThat(SaturatingSum.add(Long.MAX_VALUE - 1, 1)).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void sumsPastTheLimitStopThereInsteadOfTurningNegative() {
		assertThat(SaturatingSum.add(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
		assertThat(SaturatingSum.add(Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
		LongAccumulator total = new LongAccumulator(SaturatingSum::add, 0);
		total.accumulate(Long.MAX_VALUE);
		total.accumulate(Long.MAX_VALUE);
		total.accumulate(5);
		assertThat(total.get()).isEqualTo(Long.MAX_VALUE);
	}

}
