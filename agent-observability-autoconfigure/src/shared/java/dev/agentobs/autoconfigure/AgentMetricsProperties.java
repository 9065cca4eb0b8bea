package dev.agentobs.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import dev.agentobs.internal.metrics.TagValueLimits;

/**
 * Metrics of agent operations, under {@code monitoring.metrics.*}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("monitoring.metrics")
public class AgentMetricsProperties implements Validator {

	/**
	 * How many distinct values a label fed by names from outside the code (agents, tools,
	 * models) may take; later values are recorded as "_OTHER".
	 */
	private int maxTagValues = 100;

	/**
	 * How many series a meter family may hold, whatever the labels multiply to; later
	 * combinations of label values are recorded with "_OTHER" values and counted in
	 * agent_metrics_series_folded_total. 500 keeps a scrape of the worst case under 2 MB.
	 */
	private int maxSeriesPerFamily = TagValueLimits.DEFAULT_MAX_SERIES_PER_FAMILY;

	public int getMaxTagValues() {
		return this.maxTagValues;
	}

	public void setMaxTagValues(int maxTagValues) {
		this.maxTagValues = maxTagValues;
	}

	public int getMaxSeriesPerFamily() {
		return this.maxSeriesPerFamily;
	}

	public void setMaxSeriesPerFamily(int maxSeriesPerFamily) {
		this.maxSeriesPerFamily = maxSeriesPerFamily;
	}

	@Override
	public boolean supports(Class<?> type) {
		return AgentMetricsProperties.class == type;
	}

	@Override
	public void validate(Object target, Errors errors) {
		if (target instanceof AgentMetricsProperties properties) {
			PropertyErrors.check(errors, "max-tag-values",
					() -> TagValueLimits.checkMaxValues("max-tag-values", properties.maxTagValues));
			PropertyErrors.check(errors, "max-series-per-family",
					() -> TagValueLimits.checkMaxSeries("max-series-per-family", properties.maxSeriesPerFamily));
		}
	}

}
