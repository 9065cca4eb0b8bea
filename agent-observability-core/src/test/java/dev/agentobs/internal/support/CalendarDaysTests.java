package dev.agentobs.internal.support;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CalendarDays}.
 */
class CalendarDaysTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Test
	void dayChangesAtMidnightOfTheZoneNotOfUtc() {
		AtomicInteger made = new AtomicInteger();
		CalendarDays<String> days = new CalendarDays<>(PARIS, millis("2026-11-27T22:30:00Z"),
				(date, start, end) -> date + " #" + made.incrementAndGet());
		// 23:30 in Paris: still the 27th
		assertThat(days.at(millis("2026-11-27T22:59:59.999Z"))).isEqualTo("2026-11-27 #1");
		// Midnight in Paris is 23:00 UTC
		assertThat(days.at(millis("2026-11-27T23:00:00Z"))).isEqualTo("2026-11-28 #2");
		assertThat(days.at(millis("2026-11-28T12:00:00Z"))).isEqualTo("2026-11-28 #2");
		assertThat(made).hasValue(2);
	}

	@Test
	void factoryGetsTheBoundsOfTheDay() {
		CalendarDays<long[]> days = new CalendarDays<>(PARIS, millis("2026-11-27T10:00:00Z"),
				(date, start, end) -> new long[] { start, end });
		assertThat(days.at(millis("2026-11-27T10:00:00Z"))).containsExactly(millis("2026-11-26T23:00:00Z"),
				millis("2026-11-27T23:00:00Z"));
	}

	private static long millis(String instant) {
		return Instant.parse(instant).toEpochMilli();
	}

}
