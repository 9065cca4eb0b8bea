package dev.agentobs.internal.budget;

import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.atomic.DoubleAdder;

import dev.agentobs.internal.support.CalendarDays;

/**
 * The cost of one agent's runs today, on this instance, for its {@code daily-cost} limit.
 * Begins again at zero at midnight in the configured zone.
 *
 * @since 0.1.0
 */
public final class DailyCost {

	private final Clock clock;

	private final CalendarDays<DoubleAdder> days;

	/**
	 * Create the day's cost of one agent.
	 * @param clock the clock
	 * @param zone the zone whose midnight starts a day
	 */
	public DailyCost(Clock clock, ZoneId zone) {
		this.clock = clock;
		this.days = new CalendarDays<>(zone, clock.millis(), (date, start, end) -> new DoubleAdder());
	}

	/**
	 * Add the cost of a model call.
	 * @param cost the cost in USD; {@link Double#NaN} (unpriced) adds nothing
	 */
	public void add(double cost) {
		if (cost > 0) {
			today().add(cost);
		}
	}

	/**
	 * Today's cost.
	 * @return USD
	 */
	public double cost() {
		return today().sum();
	}

	private DoubleAdder today() {
		return this.days.at(this.clock.millis());
	}

}
