package dev.agentobs.internal.budget;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The cost of one agent's runs today, on this instance, for its {@code daily-cost} limit.
 * Begins again at zero at midnight in the configured zone.
 *
 * @since 0.1.0
 */
public final class DailyCost {

	private final Clock clock;

	private final ZoneId zone;

	private final AtomicReference<Day> today;

	/**
	 * Create the day's cost of one agent.
	 * @param clock the clock
	 * @param zone the zone whose midnight starts a day
	 */
	public DailyCost(Clock clock, ZoneId zone) {
		this.clock = clock;
		this.zone = zone;
		this.today = new AtomicReference<>(newDay(clock.millis()));
	}

	/**
	 * Add the cost of a model call.
	 * @param cost the cost in USD; {@link Double#NaN} (unpriced) adds nothing
	 */
	public void add(double cost) {
		if (cost > 0) {
			day().cost.add(cost);
		}
	}

	/**
	 * Today's cost.
	 * @return USD
	 */
	public double cost() {
		return day().cost.sum();
	}

	private Day day() {
		long now = this.clock.millis();
		Day day = this.today.get();
		while (now >= day.endMillis) {
			// Losing the race is fine: another thread started the same new day
			Day next = newDay(now);
			if (this.today.compareAndSet(day, next)) {
				return next;
			}
			day = this.today.get();
		}
		return day;
	}

	private Day newDay(long now) {
		LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(now), this.zone);
		return new Day(date.plusDays(1).atStartOfDay(this.zone).toInstant().toEpochMilli());
	}

	private static final class Day {

		final long endMillis;

		final DoubleAdder cost = new DoubleAdder();

		Day(long endMillis) {
			this.endMillis = endMillis;
		}

	}

}
