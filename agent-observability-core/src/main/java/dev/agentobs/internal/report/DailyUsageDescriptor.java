package dev.agentobs.internal.report;

import java.util.List;

import dev.agentobs.cost.DailyUsage;

/**
 * The tokens and cost of a day.
 *
 * @param date the day, ISO-8601
 * @param zone the time zone of the day
 * @param since when these counts began, ISO-8601: the day's midnight, or the start of this
 * instance when it started later that day
 * @param calls the model calls
 * @param inputTokens their input tokens, cached ones included
 * @param cachedInputTokens their input tokens served from a prompt cache
 * @param outputTokens their output tokens
 * @param cost the cost in USD of the calls whose model has a price, to six places
 * @param unpricedModels the models called without a price, whose cost is unknown
 * @since 0.1.0
 */
public record DailyUsageDescriptor(String date, String zone, String since, long calls, long inputTokens,
		long cachedInputTokens, long outputTokens, double cost, List<String> unpricedModels) {

	/**
	 * Describe the usage of a day.
	 * @param today the usage
	 * @return its descriptor
	 */
	public static DailyUsageDescriptor of(DailyUsage today) {
		return new DailyUsageDescriptor(today.date().toString(), today.zone().getId(), today.since().toString(),
				today.calls(), today.inputTokens(), today.cachedInputTokens(), today.outputTokens(),
				JsonValues.cost(today.cost()), List.copyOf(today.unpricedModels()));
	}

}
