package dev.agentobs.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
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
	 * Whether metrics leave the process. When false, no registry exports any
	 * (management.defaults.metrics.export.enabled=false, unless set): no Prometheus scrape;
	 * /actuator/metrics still shows them in memory.
	 */
	private boolean enabled = true;

	/**
	 * An extra path on the application's port, such as /metrics, that serves the Prometheus
	 * scrape of /actuator/prometheus. Not set: none.
	 */
	private @Nullable String endpoint;

	/**
	 * The step of the push registries (OTLP, StatsD, Datadog, ...): how often they send. A
	 * bare number is read as seconds. Each registry's own management.*.metrics.export.step
	 * wins. Not set: each registry's default.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private @Nullable Duration collectInterval;

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

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(@Nullable String endpoint) {
		this.endpoint = endpoint;
	}

	public @Nullable Duration getCollectInterval() {
		return this.collectInterval;
	}

	public void setCollectInterval(@Nullable Duration collectInterval) {
		this.collectInterval = collectInterval;
	}

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
			HealthChecksProperties.checkPath(errors, "endpoint", properties.endpoint, "/metrics");
			if (properties.collectInterval != null) {
				AgentAlertsProperties.checkPositive(errors, "collect-interval", properties.collectInterval,
						"10 (seconds) or 1m");
			}
		}
	}

}
