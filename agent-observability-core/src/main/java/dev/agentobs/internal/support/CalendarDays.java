package dev.agentobs.internal.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The record of the current calendar day of a time zone, made afresh at midnight: what
 * counts per day (today's cost and tokens, an agent's daily spend) keeps one of these. Reading
 * it is one volatile read and one comparison; the first reader after midnight makes the new
 * day's record, and a reader that loses that race takes the winner's.
 *
 * @param <D> the type of a day's record
 * @since 0.1.0
 */
public final class CalendarDays<D> {

	private final ZoneId zone;

	private final DayFactory<D> factory;

	private final AtomicReference<Current<D>> current;

	/**
	 * Start with the day of a moment.
	 * @param zone the zone whose midnight starts a day
	 * @param nowMillis the moment, in milliseconds since the epoch
	 * @param factory makes the record of each day
	 */
	public CalendarDays(ZoneId zone, long nowMillis, DayFactory<D> factory) {
		this.zone = zone;
		this.factory = factory;
		this.current = new AtomicReference<>(newDay(nowMillis));
	}

	/**
	 * The record of the day of a moment, made when the moment is past the day kept so far.
	 * @param nowMillis the moment, in milliseconds since the epoch
	 * @return the day's record
	 */
	public D at(long nowMillis) {
		Current<D> day = this.current.get();
		while (nowMillis >= day.endMillis()) {
			Current<D> next = newDay(nowMillis);
			if (this.current.compareAndSet(day, next)) {
				return next.day();
			}
			day = this.current.get();
		}
		return day.day();
	}

	private Current<D> newDay(long nowMillis) {
		LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(nowMillis), this.zone);
		long start = date.atStartOfDay(this.zone).toInstant().toEpochMilli();
		long end = date.plusDays(1).atStartOfDay(this.zone).toInstant().toEpochMilli();
		return new Current<>(this.factory.create(date, start, end), end);
	}

	/**
	 * Makes the record of a day.
	 *
	 * @param <D> the type of a day's record
	 */
	@FunctionalInterface
	public interface DayFactory<D> {

		/**
		 * Make the record of a day.
		 * @param date the day
		 * @param startMillis its first millisecond
		 * @param endMillis the first millisecond of the next day
		 * @return the record
		 */
		D create(LocalDate date, long startMillis, long endMillis);

	}

	private record Current<D>(D day, long endMillis) {
	}

}
