package dev.agentobs.internal.cost;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import dev.agentobs.cost.DailyUsage;
import dev.agentobs.cost.ModelUsage;
import dev.agentobs.cost.PriceSource;
import dev.agentobs.internal.metrics.TagValueLimiter;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.internal.support.CalendarDays;
import dev.agentobs.internal.support.SaturatingSum;
import dev.agentobs.observation.GenAiAttributes;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.TokenUsage;

/**
 * Adds up the tokens and cost of the day's model calls, in total and per model. The day is
 * the calendar day of a time zone (UTC unless configured); at midnight the counts start
 * again. They are kept in memory: the first day counts from the tracker's creation, which is
 * the process start for the wiring. Recording is lock-free; memory is bounded by the cap on
 * model names.
 *
 * @since 0.1.0
 */
public class CostTracker implements AgentOperationSink {

	private final CostCalculator calculator;

	private final TagValueLimiter models;

	private final Clock clock;

	private final ZoneId zone;

	private final CalendarDays<Day> days;

	/**
	 * Create a tracker.
	 * @param calculator prices model calls
	 * @param limits the caps on model names, shared with the metrics
	 * @param clock the time of each call
	 * @param zone the time zone whose days are counted
	 */
	public CostTracker(CostCalculator calculator, TagValueLimits limits, Clock clock, ZoneId zone) {
		this.calculator = calculator;
		this.models = limits.forLabel(GenAiAttributes.REQUEST_MODEL.key());
		this.clock = clock;
		this.zone = zone;
		long createdMillis = clock.millis();
		// The first day counts from the tracker's start
		this.days = new CalendarDays<>(zone, createdMillis,
				(date, start, end) -> new Day(date, Math.max(start, createdMillis)));
	}

	@Override
	public void accept(AgentOperation operation) {
		if (!(operation instanceof ModelCall call)) {
			return;
		}
		Day day = this.days.at(this.clock.millis());
		PriceMatch match = this.calculator.matchOf(call);
		double cost = match.costOf(call.tokens());
		String model = this.models.limit(call.requestModel());
		Usage usage = day.usage(model);
		usage.add(call.tokens());
		if (usage.priceSource != match.source()) {
			usage.priceSource = match.source();
		}
		day.total.add(call.tokens());
		if (!Double.isNaN(cost)) {
			usage.cost.add(cost);
			day.total.cost.add(cost);
		}
		else {
			usage.unpriced.increment();
			day.unpriced.add(model);
		}
	}

	/**
	 * The usage of the current day.
	 * @return an immutable snapshot
	 */
	public DailyUsage today() {
		Day day = this.days.at(this.clock.millis());
		Map<String, ModelUsage> models = new TreeMap<>();
		day.models.forEach((model, usage) -> models.put(model,
				new ModelUsage(model, usage.calls.sum(), usage.inputTokens.get(), usage.cachedInputTokens.get(),
						usage.outputTokens.get(), (usage.unpriced.sum() == 0) ? usage.cost.sum() : null,
						usage.priceSource)));
		Usage total = day.total;
		return new DailyUsage(day.date, this.zone, Instant.ofEpochMilli(day.sinceMillis), total.calls.sum(),
				total.inputTokens.get(), total.cachedInputTokens.get(), total.outputTokens.get(), total.cost.sum(),
				Collections.unmodifiableSet(new TreeSet<>(day.unpriced)), Collections.unmodifiableMap(models));
	}

	/**
	 * The counts of one day.
	 */
	private static final class Day {

		final LocalDate date;

		final long sinceMillis;

		final Usage total = new Usage();

		final ConcurrentMap<String, Usage> models = new ConcurrentHashMap<>();

		final Set<String> unpriced = ConcurrentHashMap.newKeySet();

		Day(LocalDate date, long sinceMillis) {
			this.date = date;
			this.sinceMillis = sinceMillis;
		}

		Usage usage(String model) {
			Usage usage = this.models.get(model);
			return (usage != null) ? usage : this.models.computeIfAbsent(model, (key) -> new Usage());
		}

	}

	/**
	 * Tokens and cost of some model calls.
	 */
	private static final class Usage {

		final LongAdder calls = new LongAdder();

		// Sums that stop at Long.MAX_VALUE rather than turn negative
		final LongAccumulator inputTokens = new LongAccumulator(SaturatingSum::add, 0);

		final LongAccumulator cachedInputTokens = new LongAccumulator(SaturatingSum::add, 0);

		final LongAccumulator outputTokens = new LongAccumulator(SaturatingSum::add, 0);

		final LongAdder unpriced = new LongAdder();

		final DoubleAdder cost = new DoubleAdder();

		// Where the price of the latest call came from
		volatile PriceSource priceSource = PriceSource.unknown();

		void add(TokenUsage tokens) {
			this.calls.increment();
			this.inputTokens.accumulate(tokens.input());
			this.cachedInputTokens.accumulate(tokens.cachedInput());
			this.outputTokens.accumulate(tokens.output());
		}

	}

}
