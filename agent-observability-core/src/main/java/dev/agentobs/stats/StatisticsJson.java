package dev.agentobs.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.agentobs.cost.DailyUsage;
import dev.agentobs.cost.ModelUsage;

/**
 * Statistics as plain maps, lists, strings and numbers for JSON, the same in the health
 * details and in {@code /actuator/agents} whatever JSON library writes them: durations as
 * ISO-8601 strings ({@code PT1.25S}), rates as fractions from 0 to 1, costs in USD.
 *
 * @since 0.1.0
 */
public final class StatisticsJson {

	private StatisticsJson() {
	}

	/**
	 * A summary of operations.
	 * @param summary the summary
	 * @param withTokens whether to include tokens (not for tools)
	 * @return requests, errors, rates, average and p95 response time, and tokens
	 */
	public static Map<String, Object> summary(OperationSummary summary, boolean withTokens) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("requests", summary.requests());
		json.put("errors", summary.errors());
		json.put("successRate", rate(summary.successRate()));
		json.put("errorRate", rate(summary.errorRate()));
		json.put("averageResponseTime", duration(summary.averageResponseTime()));
		json.put("p95ResponseTime", duration(summary.p95ResponseTime()));
		if (withTokens) {
			json.put("inputTokens", summary.inputTokens());
			json.put("outputTokens", summary.outputTokens());
		}
		return json;
	}

	/**
	 * The window and total summaries of an agent, model or tool.
	 * @param component the statistics
	 * @param withTokens whether to include tokens (not for tools)
	 * @return {@code window} and {@code total}
	 */
	public static Map<String, Object> component(ComponentStatistics component, boolean withTokens) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("window", summary(component.window(), withTokens));
		json.put("total", summary(component.total(), withTokens));
		return json;
	}

	/**
	 * Recent failures.
	 * @param errors the failures
	 * @return one map per failure
	 */
	public static List<Map<String, Object>> recentErrors(List<RecentError> errors) {
		List<Map<String, Object>> json = new ArrayList<>(errors.size());
		for (RecentError error : errors) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("time", error.time().toString());
			entry.put("operation", error.operation());
			entry.put("name", error.name());
			if (error.agent() != null) {
				entry.put("agent", error.agent());
			}
			entry.put("type", error.type());
			entry.put("message", error.message());
			json.add(entry);
		}
		return json;
	}

	/**
	 * The tokens and cost of a day.
	 * @param today the day's usage
	 * @return date, zone, calls, tokens, cost and the models without a price
	 */
	public static Map<String, Object> today(DailyUsage today) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("date", today.date().toString());
		json.put("zone", today.zone().getId());
		json.put("calls", today.calls());
		json.put("inputTokens", today.inputTokens());
		json.put("cachedInputTokens", today.cachedInputTokens());
		json.put("outputTokens", today.outputTokens());
		json.put("cost", cost(today.cost()));
		json.put("unpricedModels", List.copyOf(today.unpricedModels()));
		return json;
	}

	/**
	 * The tokens and cost of one model in a day.
	 * @param usage the model's usage
	 * @return calls, tokens and cost; the cost is absent when unknown
	 */
	public static Map<String, Object> modelToday(ModelUsage usage) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("calls", usage.calls());
		json.put("inputTokens", usage.inputTokens());
		json.put("cachedInputTokens", usage.cachedInputTokens());
		json.put("outputTokens", usage.outputTokens());
		Double cost = usage.cost();
		if (cost != null) {
			json.put("cost", cost(cost));
		}
		return json;
	}

	/**
	 * A duration as ISO-8601, to the millisecond (to the microsecond below a millisecond).
	 * @param duration the duration
	 * @return such as {@code PT1.25S}
	 */
	public static String duration(Duration duration) {
		ChronoUnit unit = (duration.compareTo(Duration.ofMillis(1)) >= 0) ? ChronoUnit.MILLIS : ChronoUnit.MICROS;
		return duration.truncatedTo(unit).toString();
	}

	/**
	 * A fraction to four decimal places.
	 * @param rate the fraction
	 * @return the rounded fraction
	 */
	public static double rate(double rate) {
		return round(rate, 4);
	}

	/**
	 * An amount of USD to six decimal places.
	 * @param cost the amount
	 * @return the rounded amount
	 */
	public static double cost(double cost) {
		return round(cost, 6);
	}

	private static double round(double value, int places) {
		return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
	}

}
