package dev.agentobs.cost;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * The model calls of one day: tokens and cost, in total and per model. Immutable.
 *
 * @param date the day
 * @param zone the time zone of the day
 * @param since when these counts began: the day's midnight in its zone, or the moment this
 * instance started counting when that came later in the day (counts are kept in memory, so a
 * restart begins them again at zero)
 * @param calls the model calls
 * @param inputTokens their input tokens, cached ones included
 * @param cachedInputTokens their input tokens served from a prompt cache
 * @param outputTokens their output tokens
 * @param cost the cost in USD of the calls whose model has a price; a lower bound when
 * {@code unpricedModels} is not empty
 * @param unpricedModels the models called without a price, whose cost is unknown
 * @param models the usage per model, by name
 * @since 0.1.0
 */
public record DailyUsage(LocalDate date, ZoneId zone, Instant since, long calls, long inputTokens,
		long cachedInputTokens, long outputTokens, double cost, Set<String> unpricedModels,
		Map<String, ModelUsage> models) {

	/**
	 * Whether the cost of every call of the day is known.
	 * @return {@code true} when every model called has a price
	 */
	public boolean costKnown() {
		return this.unpricedModels.isEmpty();
	}

}
