package dev.agentobs.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.Errors;

import dev.agentobs.alert.AlertCategory;
import dev.agentobs.internal.alert.NotificationQueue;
import dev.agentobs.internal.alert.WebhookFormat;
import dev.agentobs.internal.alert.WebhookNotifier;
import dev.agentobs.internal.alert.WebhookSigner;
import dev.agentobs.internal.support.RedactedUrl;

/**
 * A webhook that receives alerts, one element of {@code monitoring.alerts.webhooks}.
 *
 * @since 0.1.0
 */
public class WebhookProperties {

	/**
	 * The webhook's name in logs and in the receiver label of
	 * agent_alert_notifications_total: letters, digits, '.', '_' and '-'. When not set,
	 * webhook-<index>, such as webhook-0.
	 */
	private @Nullable String name;

	/**
	 * The URL alerts are posted to, http or https.
	 */
	private @Nullable URI url;

	/**
	 * The kinds of alert this webhook wants: error, performance_degradation (or performance),
	 * budget. Empty for all.
	 */
	private Set<AlertCategory> events = EnumSet.noneOf(AlertCategory.class);

	/**
	 * The body's format: json (the starter's schema), alertmanager (Alertmanager's webhook
	 * payload, version 4) or slack.
	 */
	private WebhookFormat format = WebhookFormat.JSON;

	/**
	 * The secret that signs each request the Standard Webhooks way, as whsec_ followed by
	 * base64. Unsigned when not set.
	 */
	private @Nullable String secret;

	/**
	 * How long one attempt may take.
	 */
	private Duration timeout = Duration.ofSeconds(5);

	/**
	 * Attempts at most for one delivery; only 5xx, 429 and I/O errors are retried. When all
	 * fail, the notification stays pending and is delivered again later.
	 */
	private int maxAttempts = 4;

	/**
	 * The wait before the first retry, doubled for each further retry, with jitter; the same
	 * for the deliveries of a notification that stays pending, up to a minute apart.
	 */
	private Duration backoff = Duration.ofSeconds(1);

	/**
	 * Extra request headers, such as Authorization.
	 */
	private Map<String, String> headers = new LinkedHashMap<>();

	private final ThresholdOverrides threshold = new ThresholdOverrides();

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	/**
	 * The webhook's name: as set, or else {@code webhook-<index>}.
	 * @param index the webhook's index in {@code monitoring.alerts.webhooks}
	 * @return the name
	 */
	String receiverName(int index) {
		return (this.name != null) ? this.name : "webhook-" + index;
	}

	public @Nullable URI getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable URI url) {
		this.url = url;
	}

	public Set<AlertCategory> getEvents() {
		return this.events;
	}

	public void setEvents(Set<AlertCategory> events) {
		this.events = events;
	}

	public WebhookFormat getFormat() {
		return this.format;
	}

	public void setFormat(WebhookFormat format) {
		this.format = format;
	}

	public @Nullable String getSecret() {
		return this.secret;
	}

	public void setSecret(@Nullable String secret) {
		this.secret = secret;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public Duration getBackoff() {
		return this.backoff;
	}

	public void setBackoff(Duration backoff) {
		this.backoff = backoff;
	}

	public Map<String, String> getHeaders() {
		return this.headers;
	}

	public void setHeaders(Map<String, String> headers) {
		this.headers = headers;
	}

	public ThresholdOverrides getThreshold() {
		return this.threshold;
	}

	/**
	 * The signer of this webhook's requests.
	 * @return the signer, or {@code null} when no secret is set
	 */
	@Nullable WebhookSigner signer() {
		return (this.secret != null && !this.secret.isEmpty()) ? new WebhookSigner(this.secret) : null;
	}

	void validate(Errors errors) {
		if (this.name != null) {
			PropertyErrors.check(errors, "name", () -> NotificationQueue.checkName("name", this.name));
		}
		// The failure analysis is logged: the URL shows by its host, its path may be its secret
		String shownUrl = (this.url != null) ? RedactedUrl.of(this.url) : "null";
		PropertyErrors.check(errors, "url", shownUrl, () -> {
			try {
				WebhookNotifier.checkUrl("url", this.url);
			}
			catch (IllegalArgumentException ex) {
				String message = String.valueOf(ex.getMessage());
				throw new IllegalArgumentException(message.replace(String.valueOf(this.url), shownUrl));
			}
		});
		// The failure analysis is logged: it must not show the secret
		PropertyErrors.check(errors, "secret", "******", this::signer);
		AgentAlertsProperties.checkPositive(errors, "timeout", this.timeout, "5s");
		PropertyErrors.check(errors, "max-attempts", () -> WebhookNotifier.checkMaxAttempts("max-attempts", this.maxAttempts));
		AgentAlertsProperties.checkPositive(errors, "backoff", this.backoff, "1s");
	}

	/**
	 * A webhook's own thresholds: each one set replaces the application's
	 * ({@code monitoring.alerts.thresholds.*}) for this webhook only.
	 */
	public static class ThresholdOverrides {

		/**
		 * The share of failed agent runs, from 0 to 1, above which HighAgentErrorRate fires
		 * for this webhook. The application's threshold when not set.
		 */
		private @Nullable Double errorRate;

		/**
		 * The 95th percentile of agent run latency above which HighAgentLatency fires for
		 * this webhook. A bare number is read as milliseconds. The application's threshold
		 * when not set.
		 */
		@DurationUnit(ChronoUnit.MILLIS)
		private @Nullable Duration responseTime;

		/**
		 * Failed agent runs in the window above which AgentFailureSpike fires for this
		 * webhook. The application's threshold when not set.
		 */
		private @Nullable Long failureCount;

		/**
		 * Model cost today, in USD, above which AgentDailyCostBudget fires for this webhook.
		 * The application's threshold when not set.
		 */
		private @Nullable Double dailyCost;

		/**
		 * Model tokens today above which AgentDailyTokenBudget fires for this webhook. The
		 * application's threshold when not set.
		 */
		private @Nullable Long dailyTokens;

		/**
		 * The share of each daily budget, above 0 and up to 1, at which its early warning
		 * (AgentDailyCostBudgetNearlySpent, AgentDailyTokenBudgetNearlySpent) fires for this
		 * webhook. The application's share when not set.
		 */
		private @Nullable Double budgetWarning;

		public @Nullable Double getErrorRate() {
			return this.errorRate;
		}

		public void setErrorRate(@Nullable Double errorRate) {
			this.errorRate = errorRate;
		}

		public @Nullable Duration getResponseTime() {
			return this.responseTime;
		}

		public void setResponseTime(@Nullable Duration responseTime) {
			this.responseTime = responseTime;
		}

		public @Nullable Long getFailureCount() {
			return this.failureCount;
		}

		public void setFailureCount(@Nullable Long failureCount) {
			this.failureCount = failureCount;
		}

		public @Nullable Double getDailyCost() {
			return this.dailyCost;
		}

		public void setDailyCost(@Nullable Double dailyCost) {
			this.dailyCost = dailyCost;
		}

		public @Nullable Long getDailyTokens() {
			return this.dailyTokens;
		}

		public void setDailyTokens(@Nullable Long dailyTokens) {
			this.dailyTokens = dailyTokens;
		}

		public @Nullable Double getBudgetWarning() {
			return this.budgetWarning;
		}

		public void setBudgetWarning(@Nullable Double budgetWarning) {
			this.budgetWarning = budgetWarning;
		}

		/**
		 * Whether any threshold is set, so that the webhook is judged apart.
		 * @return whether any is set
		 */
		boolean isAnySet() {
			return this.errorRate != null || this.responseTime != null || this.failureCount != null
					|| this.dailyCost != null || this.dailyTokens != null || this.budgetWarning != null;
		}

	}

}
