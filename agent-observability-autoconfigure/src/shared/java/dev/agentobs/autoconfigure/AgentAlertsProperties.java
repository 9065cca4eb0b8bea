package dev.agentobs.autoconfigure;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import dev.agentobs.internal.alert.AlertThresholds;
import dev.agentobs.internal.alert.NotificationQueue;
import dev.agentobs.internal.alert.RunbookLinks;

/**
 * Alerts judged in this process from the rolling statistics, sent to webhooks and e-mail,
 * under {@code monitoring.alerts.*}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("monitoring.alerts")
public class AgentAlertsProperties implements Validator {

	/**
	 * Whether alerts are evaluated and sent.
	 */
	private boolean enabled = true;

	/**
	 * How often the statistics are judged against the thresholds.
	 */
	private Duration evaluationInterval = Duration.ofSeconds(15);

	/**
	 * How often an alert that keeps firing is sent again. Also how long a resolved
	 * notification a receiver failed to take is retried before it is dropped.
	 */
	private Duration repeatInterval = Duration.ofHours(4);

	/**
	 * How long a rule's condition must hold before its alert fires, as Prometheus's for.
	 * Budgets fire at once. When not set, one evaluation interval: the condition must hold at
	 * two evaluations in a row.
	 */
	private @Nullable Duration pendingFor;

	/**
	 * Alerts whose notifications may wait for each receiver; past it the oldest are dropped,
	 * counted and logged.
	 */
	private int queueCapacity = 100;

	/**
	 * How long the receivers may take, when the application stops, to deliver what waits,
	 * the firing alerts sent resolved ("instance stopping") among it. What is left then is
	 * dropped, counted and logged. Keep it below spring.lifecycle.timeout-per-shutdown-phase
	 * (30s by default).
	 */
	private Duration shutdownGracePeriod = Duration.ofSeconds(5);

	/**
	 * The Prometheus job that scrapes this service, whose up series the generated
	 * AgentServiceDown rule watches (the Kubernetes Service's name under a ServiceMonitor).
	 * spring.application.name when not set.
	 */
	private @Nullable String scrapeJob;

	/**
	 * The base URL of the alerts' runbooks: each rule's runbook is the base followed by its
	 * name in lower case, as a path or, after a base ending in #, as an anchor. Set, it adds
	 * a runbook_url annotation to the generated rules and the runbook to webhook payloads
	 * and e-mails. None when not set.
	 */
	private @Nullable URI runbookBaseUrl;

	private final Thresholds thresholds = new Thresholds();

	/**
	 * Webhooks that receive alerts.
	 */
	private final List<WebhookProperties> webhooks = new ArrayList<>();

	@NestedConfigurationProperty
	private final EmailAlertsProperties email = new EmailAlertsProperties();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getEvaluationInterval() {
		return this.evaluationInterval;
	}

	public void setEvaluationInterval(Duration evaluationInterval) {
		this.evaluationInterval = evaluationInterval;
	}

	public Duration getRepeatInterval() {
		return this.repeatInterval;
	}

	public void setRepeatInterval(Duration repeatInterval) {
		this.repeatInterval = repeatInterval;
	}

	public @Nullable Duration getPendingFor() {
		return this.pendingFor;
	}

	public void setPendingFor(@Nullable Duration pendingFor) {
		this.pendingFor = pendingFor;
	}

	/**
	 * How long a condition must hold before its alert fires: as set, or else one evaluation
	 * interval.
	 * @return the duration
	 */
	Duration pendingForOrDefault() {
		return (this.pendingFor != null) ? this.pendingFor : this.evaluationInterval;
	}

	public Duration getShutdownGracePeriod() {
		return this.shutdownGracePeriod;
	}

	public void setShutdownGracePeriod(Duration shutdownGracePeriod) {
		this.shutdownGracePeriod = shutdownGracePeriod;
	}

	public @Nullable String getScrapeJob() {
		return this.scrapeJob;
	}

	public void setScrapeJob(@Nullable String scrapeJob) {
		this.scrapeJob = scrapeJob;
	}

	public @Nullable URI getRunbookBaseUrl() {
		return this.runbookBaseUrl;
	}

	public void setRunbookBaseUrl(@Nullable URI runbookBaseUrl) {
		this.runbookBaseUrl = runbookBaseUrl;
	}

	/**
	 * The runbooks of the alerts, below the base URL when one is set.
	 * @return the runbook links
	 */
	RunbookLinks runbooks() {
		return (this.runbookBaseUrl != null) ? new RunbookLinks(this.runbookBaseUrl) : RunbookLinks.NONE;
	}

	public int getQueueCapacity() {
		return this.queueCapacity;
	}

	public void setQueueCapacity(int queueCapacity) {
		this.queueCapacity = queueCapacity;
	}

	public Thresholds getThresholds() {
		return this.thresholds;
	}

	public List<WebhookProperties> getWebhooks() {
		return this.webhooks;
	}

	public EmailAlertsProperties getEmail() {
		return this.email;
	}

	@Override
	public boolean supports(Class<?> type) {
		return AgentAlertsProperties.class == type || Thresholds.class == type || WebhookProperties.class == type
				|| WebhookProperties.ThresholdOverrides.class == type || EmailAlertsProperties.class == type;
	}

	@Override
	public void validate(Object target, Errors errors) {
		if (target instanceof AgentAlertsProperties alerts) {
			checkPositive(errors, "evaluation-interval", alerts.evaluationInterval, "15s");
			checkPositive(errors, "repeat-interval", alerts.repeatInterval, "4h");
			if (alerts.pendingFor != null) {
				checkNotNegative(errors, "pending-for", alerts.pendingFor, "30s, or 0s to fire at once");
			}
			checkNotNegative(errors, "shutdown-grace-period", alerts.shutdownGracePeriod, "5s");
			PropertyErrors.check(errors, "queue-capacity",
					() -> NotificationQueue.checkCapacity("queue-capacity", alerts.queueCapacity));
			checkReceiverNames(errors, alerts.webhooks);
			if (alerts.scrapeJob != null) {
				PropertyErrors.check(errors, !alerts.scrapeJob.isBlank(), "scrape-job", alerts.scrapeJob,
						"the name of the Prometheus job that scrapes the service, such as research-assistant");
			}
			URI runbooks = alerts.runbookBaseUrl;
			if (runbooks != null) {
				PropertyErrors.check(errors, "runbook-base-url", () -> RunbookLinks.check("runbook-base-url", runbooks));
			}
		}
		else if (target instanceof Thresholds thresholds) {
			checkThresholds(errors, thresholds.errorRate, thresholds.responseTime, thresholds.failureCount,
					thresholds.dailyCost, thresholds.dailyTokens, thresholds.budgetWarning);
		}
		else if (target instanceof WebhookProperties.ThresholdOverrides overrides) {
			checkThresholds(errors, overrides.getErrorRate(), overrides.getResponseTime(), overrides.getFailureCount(),
					overrides.getDailyCost(), overrides.getDailyTokens(), overrides.getBudgetWarning());
		}
		else if (target instanceof WebhookProperties webhook) {
			webhook.validate(errors);
		}
		else if (target instanceof EmailAlertsProperties email) {
			email.validate(errors);
		}
	}

	/**
	 * The thresholds a webhook is judged by: its own where it has them, the application's
	 * otherwise.
	 * @param overrides the webhook's own thresholds
	 * @return the thresholds
	 */
	AlertThresholds thresholds(WebhookProperties.ThresholdOverrides overrides) {
		Thresholds own = this.thresholds;
		return new AlertThresholds(pick(overrides.getErrorRate(), own.errorRate),
				pick(overrides.getResponseTime(), own.responseTime), pick(overrides.getFailureCount(), own.failureCount),
				pick(overrides.getDailyCost(), own.dailyCost), pick(overrides.getDailyTokens(), own.dailyTokens),
				pick(overrides.getBudgetWarning(), own.budgetWarning));
	}

	private static <T> T pick(@Nullable T own, T fallback) {
		return (own != null) ? own : fallback;
	}

	// One set of rules for the application's thresholds and a webhook's own ones
	private static void checkThresholds(Errors errors, @Nullable Double errorRate, @Nullable Duration responseTime,
			@Nullable Long failureCount, @Nullable Double dailyCost, @Nullable Long dailyTokens,
			@Nullable Double budgetWarning) {
		if (errorRate != null) {
			PropertyErrors.check(errors, errorRate >= 0 && errorRate <= 1, "error-rate", errorRate,
					"a fraction between 0 and 1, " + fractionHint(errorRate, "0.10 for 10%"));
		}
		if (responseTime != null) {
			checkPositive(errors, "response-time", responseTime, "5s or 5000 (milliseconds)");
		}
		if (failureCount != null) {
			PropertyErrors.check(errors, failureCount >= 0, "failure-count", failureCount, "0 or more failed runs");
		}
		if (dailyCost != null) {
			PropertyErrors.check(errors, dailyCost >= 0 && Double.isFinite(dailyCost), "daily-cost", dailyCost,
					"0 or more USD, such as 10.00");
		}
		if (dailyTokens != null) {
			PropertyErrors.check(errors, dailyTokens >= 0, "daily-tokens", dailyTokens,
					"0 or more tokens, such as 2000000");
		}
		if (budgetWarning != null) {
			PropertyErrors.check(errors, budgetWarning > 0 && budgetWarning <= 1, "budget-warning", budgetWarning,
					"a fraction above 0 and up to 1, " + fractionHint(budgetWarning, "0.8 for 80%"));
		}
	}

	// Each name is a label value of agent_alert_notifications_total: two receivers cannot share one
	private static void checkReceiverNames(Errors errors, List<WebhookProperties> webhooks) {
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < webhooks.size(); i++) {
			String name = webhooks.get(i).receiverName(i);
			Integer first = seen.putIfAbsent(name, i);
			PropertyErrors.check(errors, first == null, "webhooks[" + i + "].name", name,
					"a name no other webhook has (webhooks[" + first + "] is " + name + ")");
		}
	}

	private static void checkNotNegative(Errors errors, String field, @Nullable Duration duration, String example) {
		PropertyErrors.check(errors, duration != null && !duration.isNegative(), field, duration,
				"zero or a positive duration such as " + example);
	}

	static void checkPositive(Errors errors, String field, @Nullable Duration duration, String example) {
		PropertyErrors.check(errors, duration != null && !duration.isNegative() && !duration.isZero(), field, duration,
				"a positive duration such as " + example);
	}

	// A value above 1 and up to 100 was most likely meant as a percentage
	private static String fractionHint(double fraction, String example) {
		if (fraction > 1 && fraction <= 100) {
			BigDecimal percent = BigDecimal.valueOf(fraction).stripTrailingZeros();
			return "for " + percent.toPlainString() + "% write " + percent.movePointLeft(2).toPlainString();
		}
		return "such as " + example;
	}

	/**
	 * The thresholds of the alerting rules. A webhook may replace each one for itself.
	 */
	public static class Thresholds {

		/**
		 * The share of failed agent runs in the window, from 0 to 1, above which
		 * HighAgentErrorRate fires (critical).
		 */
		private double errorRate = 0.10;

		/**
		 * The 95th percentile of agent run latency in the window above which HighAgentLatency
		 * fires (warning). A bare number is read as milliseconds.
		 */
		@DurationUnit(ChronoUnit.MILLIS)
		private Duration responseTime = Duration.ofSeconds(5);

		/**
		 * Failed agent runs in the window above which AgentFailureSpike fires (critical).
		 */
		private long failureCount = 10;

		/**
		 * Model cost today, in USD, above which AgentDailyCostBudget fires (critical).
		 */
		private double dailyCost = 10.00;

		/**
		 * Model tokens today above which AgentDailyTokenBudget fires (critical).
		 */
		private long dailyTokens = 2_000_000;

		/**
		 * The share of each daily budget, above 0 and up to 1, at which its early warning
		 * fires (warning): AgentDailyCostBudgetNearlySpent at this share of daily-cost,
		 * AgentDailyTokenBudgetNearlySpent of daily-tokens.
		 */
		private double budgetWarning = 0.8;

		public double getErrorRate() {
			return this.errorRate;
		}

		public void setErrorRate(double errorRate) {
			this.errorRate = errorRate;
		}

		public Duration getResponseTime() {
			return this.responseTime;
		}

		public void setResponseTime(Duration responseTime) {
			this.responseTime = responseTime;
		}

		public long getFailureCount() {
			return this.failureCount;
		}

		public void setFailureCount(long failureCount) {
			this.failureCount = failureCount;
		}

		public double getDailyCost() {
			return this.dailyCost;
		}

		public void setDailyCost(double dailyCost) {
			this.dailyCost = dailyCost;
		}

		public long getDailyTokens() {
			return this.dailyTokens;
		}

		public void setDailyTokens(long dailyTokens) {
			this.dailyTokens = dailyTokens;
		}

		public double getBudgetWarning() {
			return this.budgetWarning;
		}

		public void setBudgetWarning(double budgetWarning) {
			this.budgetWarning = budgetWarning;
		}

		AlertThresholds toAlertThresholds() {
			return new AlertThresholds(this.errorRate, this.responseTime, this.failureCount, this.dailyCost,
					this.dailyTokens, this.budgetWarning);
		}

	}

}
