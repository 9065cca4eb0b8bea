package dev.agentobs.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

import dev.agentobs.alert.AlertCategory;
import dev.agentobs.alert.WebhookFormat;
import dev.agentobs.alert.WebhookSigner;

/**
 * Configuration of agent observability, under {@code monitoring.*}. Each setter checks its
 * value, so that a bad one stops start-up with a message naming the key, the value and what
 * would be right.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(prefix = "monitoring")
public class MonitoringProperties {

	/**
	 * Whether agent observability is on. When false the starter adds no bean at all.
	 */
	private boolean enabled = true;

	/**
	 * The rolling window of the statistics behind the agents health indicator and
	 * /actuator/agents. An operation counts for the length of the window and at most a tenth
	 * longer: the window moves in steps of a tenth of its length.
	 */
	private Duration window = Duration.ofMinutes(5);

	private final Metrics metrics = new Metrics();

	private final Tracing tracing = new Tracing();

	private final Logging logging = new Logging();

	private final Bridges bridges = new Bridges();

	private final Health health = new Health();

	private final Cost cost = new Cost();

	private final Alerts alerts = new Alerts();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getWindow() {
		return this.window;
	}

	public void setWindow(Duration window) {
		check(window != null && window.compareTo(Duration.ofSeconds(1)) >= 0, "window", window,
				"1s or more (5m suits most services)");
		this.window = window;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Tracing getTracing() {
		return this.tracing;
	}

	public Logging getLogging() {
		return this.logging;
	}

	public Bridges getBridges() {
		return this.bridges;
	}

	public Health getHealth() {
		return this.health;
	}

	public Cost getCost() {
		return this.cost;
	}

	public Alerts getAlerts() {
		return this.alerts;
	}

	static void check(boolean valid, String key, Object value, String expected) {
		if (!valid) {
			throw new IllegalArgumentException(
					"monitoring." + key + " was " + value + " but must be " + expected);
		}
	}

	/**
	 * Metrics of agent operations.
	 */
	public static class Metrics {

		/**
		 * How many distinct values a label fed by names from outside the code (agents, tools,
		 * models) may take; later values are recorded as "_OTHER".
		 */
		private int maxTagValues = 100;

		public int getMaxTagValues() {
			return this.maxTagValues;
		}

		public void setMaxTagValues(int maxTagValues) {
			check(maxTagValues >= 1, "metrics.max-tag-values", maxTagValues,
					"1 or more; it caps the series per label (100 is a good start)");
			this.maxTagValues = maxTagValues;
		}

	}

	/**
	 * Spans of agent operations.
	 */
	public static class Tracing {

		/**
		 * Whether prompts, completions, tool arguments and results, and executed code are put
		 * on spans. Off by default: they may hold personal data and secrets.
		 */
		private boolean captureContent = false;

		/**
		 * The most characters of each captured content attribute; longer content is cut.
		 */
		private int maxContentLength = 4000;

		public boolean isCaptureContent() {
			return this.captureContent;
		}

		public void setCaptureContent(boolean captureContent) {
			this.captureContent = captureContent;
		}

		public int getMaxContentLength() {
			return this.maxContentLength;
		}

		public void setMaxContentLength(int maxContentLength) {
			check(maxContentLength >= 1, "tracing.max-content-length", maxContentLength,
					"1 or more characters (4000 keeps spans small)");
			this.maxContentLength = maxContentLength;
		}

	}

	/**
	 * Log events of agent operations.
	 */
	public static class Logging {

		/**
		 * Whether each finished agent run and model call is logged as one structured event.
		 */
		private boolean events = true;

		public boolean isEvents() {
			return this.events;
		}

		public void setEvents(boolean events) {
			this.events = events;
		}

	}

	/**
	 * The agents health indicator: its status from the error rate and the 95th percentile
	 * response time of the requests in the window. A request is an agent run, or a model
	 * call, tool call or code execution outside any agent run.
	 */
	public static class Health {

		/**
		 * The fewest requests in the window for the status to depend on them; with fewer the
		 * indicator is UP and says the data is insufficient.
		 */
		private int minRequests = 10;

		private final Degraded degraded = new Degraded();

		private final Down down = new Down();

		public int getMinRequests() {
			return this.minRequests;
		}

		public void setMinRequests(int minRequests) {
			check(minRequests >= 0, "health.min-requests", minRequests,
					"0 or more; 0 judges even a single request (10 is a good start)");
			this.minRequests = minRequests;
		}

		public Degraded getDegraded() {
			return this.degraded;
		}

		public Down getDown() {
			return this.down;
		}

	}

	/**
	 * When the agents health indicator reports DEGRADED (HTTP 200).
	 */
	public static class Degraded {

		/**
		 * The fraction of failed requests in the window, from 0 to 1, at or above which the
		 * agents are DEGRADED.
		 */
		private double errorRate = 0.10;

		/**
		 * The 95th percentile response time of the requests in the window at or above which
		 * the agents are DEGRADED. A bare number is read as milliseconds.
		 */
		private Duration responseTime = Duration.ofSeconds(5);

		public double getErrorRate() {
			return this.errorRate;
		}

		public void setErrorRate(double errorRate) {
			check(errorRate > 0 && errorRate <= 1, "health.degraded.error-rate", errorRate,
					"a fraction above 0 and at most 1, such as 0.10 for 10%");
			this.errorRate = errorRate;
		}

		public Duration getResponseTime() {
			return this.responseTime;
		}

		public void setResponseTime(Duration responseTime) {
			check(responseTime != null && !responseTime.isNegative() && !responseTime.isZero(),
					"health.degraded.response-time", responseTime,
					"a positive duration such as 5s or 5000 (milliseconds)");
			this.responseTime = responseTime;
		}

	}

	/**
	 * When the agents health indicator reports DOWN (HTTP 503).
	 */
	public static class Down {

		/**
		 * The fraction of failed requests in the window, from 0 to 1, at or above which the
		 * agents are DOWN. At least the degraded error rate.
		 */
		private double errorRate = 0.50;

		public double getErrorRate() {
			return this.errorRate;
		}

		public void setErrorRate(double errorRate) {
			check(errorRate > 0 && errorRate <= 1, "health.down.error-rate", errorRate,
					"a fraction above 0 and at most 1, such as 0.50 for 50%");
			this.errorRate = errorRate;
		}

	}

	/**
	 * Cost of model calls, from the tokens they used and the prices of their models.
	 */
	public static class Cost {

		/**
		 * Prices per model, keyed by the requested model name, in USD per million tokens.
		 * Put names with dots or other punctuation in brackets: "[gemini-2.5-pro]". A model
		 * without a price has an unknown cost, not a zero one.
		 */
		private final Map<String, ModelPrice> models = new LinkedHashMap<>();

		/**
		 * The time zone whose calendar day "today" is, for the cost and tokens of the day.
		 */
		private ZoneId zone = ZoneId.of("UTC");

		public Map<String, ModelPrice> getModels() {
			return this.models;
		}

		public ZoneId getZone() {
			return this.zone;
		}

		public void setZone(ZoneId zone) {
			check(zone != null, "cost.zone", zone, "a time zone such as UTC or Europe/Paris");
			this.zone = zone;
		}

	}

	/**
	 * The price of one model in USD per million tokens.
	 */
	public static class ModelPrice {

		/**
		 * USD per million input tokens.
		 */
		private @Nullable Double input;

		/**
		 * USD per million output tokens.
		 */
		private @Nullable Double output;

		/**
		 * USD per million input tokens served from the provider's prompt cache; the input
		 * price when not set.
		 */
		private @Nullable Double cachedInput;

		public @Nullable Double getInput() {
			return this.input;
		}

		public void setInput(@Nullable Double input) {
			checkPrice(input, "input");
			this.input = input;
		}

		public @Nullable Double getOutput() {
			return this.output;
		}

		public void setOutput(@Nullable Double output) {
			checkPrice(output, "output");
			this.output = output;
		}

		public @Nullable Double getCachedInput() {
			return this.cachedInput;
		}

		public void setCachedInput(@Nullable Double cachedInput) {
			checkPrice(cachedInput, "cached-input");
			this.cachedInput = cachedInput;
		}

		private static void checkPrice(@Nullable Double price, String name) {
			if (price != null) {
				check(price >= 0 && Double.isFinite(price), "cost.models.<model>." + name, price,
						"0 or more USD per million tokens, such as 2.50");
			}
		}

	}

	/**
	 * Bridges from agent frameworks (Spring AI, LangChain4j) to agent observability.
	 */
	public static class Bridges {

		private final SpringAi springAi = new SpringAi();

		private final LangChain4j langchain4j = new LangChain4j();

		public SpringAi getSpringAi() {
			return this.springAi;
		}

		public LangChain4j getLangchain4j() {
			return this.langchain4j;
		}

		/**
		 * The Spring AI bridge.
		 */
		public static class SpringAi {

			/**
			 * Whether Spring AI's chat client, chat model and tool calls are recorded as agent
			 * runs, model calls and tool calls when Spring AI is on the classpath.
			 */
			private boolean enabled = true;

			/**
			 * The agent's name of a ChatClient call without the "gen_ai.agent.name" advisor
			 * parameter. Defaults to spring.application.name, or "spring-ai" without one.
			 */
			private @Nullable String agentName;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public @Nullable String getAgentName() {
				return this.agentName;
			}

			public void setAgentName(@Nullable String agentName) {
				check(agentName == null || !agentName.isBlank(), "bridges.spring-ai.agent-name", "'" + agentName + "'",
						"a name such as research-agent, or unset to use spring.application.name");
				this.agentName = agentName;
			}

		}

		/**
		 * The LangChain4j bridge.
		 */
		public static class LangChain4j {

			/**
			 * Whether LangChain4j's chat model calls, AI service invocations and tool
			 * executions are recorded as model calls, agent runs and tool calls when
			 * LangChain4j is on the classpath.
			 */
			private boolean enabled = true;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

		}

	}

	/**
	 * Alerts judged in this process from the rolling statistics, sent to webhooks and e-mail.
	 */
	public static class Alerts {

		/**
		 * Whether alerts are evaluated and sent.
		 */
		private boolean enabled = true;

		/**
		 * How often the statistics are judged against the thresholds.
		 */
		private Duration evaluationInterval = Duration.ofSeconds(15);

		/**
		 * How often an alert that keeps firing is sent again.
		 */
		private Duration repeatInterval = Duration.ofHours(4);

		/**
		 * Notifications that may wait for each receiver; past it the oldest are dropped and
		 * counted.
		 */
		private int queueCapacity = 100;

		private final Thresholds thresholds = Thresholds.defaults("alerts.thresholds");

		/**
		 * Webhooks that receive alerts.
		 */
		private final List<Webhook> webhooks = new ArrayList<>();

		private final Email email = new Email();

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
			checkPositive(evaluationInterval, "alerts.evaluation-interval", "15s");
			this.evaluationInterval = evaluationInterval;
		}

		public Duration getRepeatInterval() {
			return this.repeatInterval;
		}

		public void setRepeatInterval(Duration repeatInterval) {
			checkPositive(repeatInterval, "alerts.repeat-interval", "4h");
			this.repeatInterval = repeatInterval;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			check(queueCapacity >= 1, "alerts.queue-capacity", queueCapacity, "1 or more (100 is a good start)");
			this.queueCapacity = queueCapacity;
		}

		public Thresholds getThresholds() {
			return this.thresholds;
		}

		public List<Webhook> getWebhooks() {
			return this.webhooks;
		}

		public Email getEmail() {
			return this.email;
		}

	}

	/**
	 * The thresholds of the alerting rules. Under a webhook, each one set replaces the
	 * application's threshold for that webhook only.
	 */
	public static class Thresholds {

		private final String key;

		/**
		 * The share of failed agent runs in the window, from 0 to 1, above which
		 * HighAgentErrorRate fires (critical). Default 0.10.
		 */
		private @Nullable Double errorRate;

		/**
		 * The 95th percentile of agent run latency in the window above which
		 * HighAgentLatency fires (warning). A bare number is read as milliseconds. Default 5s.
		 */
		@DurationUnit(ChronoUnit.MILLIS)
		private @Nullable Duration responseTime;

		/**
		 * Failed agent runs in the window above which AgentFailureSpike fires (critical).
		 * Default 10.
		 */
		private @Nullable Long failureCount;

		/**
		 * Model cost today, in USD, above which AgentDailyCostBudget fires (warning). Default
		 * 10.00.
		 */
		private @Nullable Double dailyCost;

		/**
		 * Model tokens today above which AgentDailyTokenBudget fires (warning). Default
		 * 2000000.
		 */
		private @Nullable Long dailyTokens;

		Thresholds(String key) {
			this.key = key;
		}

		public Thresholds() {
			this("alerts.webhooks[].threshold");
		}

		static Thresholds defaults(String key) {
			Thresholds thresholds = new Thresholds(key);
			thresholds.errorRate = 0.10;
			thresholds.responseTime = Duration.ofSeconds(5);
			thresholds.failureCount = 10L;
			thresholds.dailyCost = 10.00;
			thresholds.dailyTokens = 2_000_000L;
			return thresholds;
		}

		public @Nullable Double getErrorRate() {
			return this.errorRate;
		}

		public void setErrorRate(@Nullable Double errorRate) {
			if (errorRate != null) {
				check(errorRate >= 0 && errorRate <= 1, this.key + ".error-rate", errorRate,
						"a fraction between 0 and 1; for " + percent(errorRate) + "% write "
								+ String.format(Locale.ROOT, "%.2f", errorRate / 100));
			}
			this.errorRate = errorRate;
		}

		public @Nullable Duration getResponseTime() {
			return this.responseTime;
		}

		public void setResponseTime(@Nullable Duration responseTime) {
			if (responseTime != null) {
				checkPositive(responseTime, this.key + ".response-time", "5s or 5000 (milliseconds)");
			}
			this.responseTime = responseTime;
		}

		public @Nullable Long getFailureCount() {
			return this.failureCount;
		}

		public void setFailureCount(@Nullable Long failureCount) {
			if (failureCount != null) {
				check(failureCount >= 0, this.key + ".failure-count", failureCount, "0 or more failed runs");
			}
			this.failureCount = failureCount;
		}

		public @Nullable Double getDailyCost() {
			return this.dailyCost;
		}

		public void setDailyCost(@Nullable Double dailyCost) {
			if (dailyCost != null) {
				check(dailyCost >= 0 && Double.isFinite(dailyCost), this.key + ".daily-cost", dailyCost,
						"0 or more USD, such as 10.00");
			}
			this.dailyCost = dailyCost;
		}

		public @Nullable Long getDailyTokens() {
			return this.dailyTokens;
		}

		public void setDailyTokens(@Nullable Long dailyTokens) {
			if (dailyTokens != null) {
				check(dailyTokens >= 0, this.key + ".daily-tokens", dailyTokens, "0 or more tokens, such as 2000000");
			}
			this.dailyTokens = dailyTokens;
		}

		private static String percent(double value) {
			return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
		}

	}

	/**
	 * A webhook that receives alerts.
	 */
	public static class Webhook {

		/**
		 * The URL alerts are posted to, http or https.
		 */
		private @Nullable URI url;

		/**
		 * The kinds of alert this webhook wants: error, performance_degradation, budget. Empty
		 * for all.
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
		 * Attempts at most for one notification; only 5xx, 429 and I/O errors are retried.
		 */
		private int maxAttempts = 4;

		/**
		 * The wait before the first retry, doubled for each further retry, with jitter.
		 */
		private Duration backoff = Duration.ofSeconds(1);

		/**
		 * Extra request headers, such as Authorization.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		private final Thresholds threshold = new Thresholds();

		public @Nullable URI getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable URI url) {
			check(url != null && ("http".equals(url.getScheme()) || "https".equals(url.getScheme())),
					"alerts.webhooks[].url", url, "an http or https URL such as https://hooks.example.com/agents");
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
			if (secret != null && !secret.isEmpty()) {
				try {
					new WebhookSigner(secret);
				}
				catch (IllegalArgumentException ex) {
					// The message must not echo the secret itself
					check(false, "alerts.webhooks[].secret", "******",
							"'whsec_' followed by base64, such as whsec_c2VjcmV0LWtleS1vZi0zMi1ieXRlcy0xMjM0NTY=");
				}
			}
			this.secret = secret;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			checkPositive(timeout, "alerts.webhooks[].timeout", "5s");
			this.timeout = timeout;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			check(maxAttempts >= 1, "alerts.webhooks[].max-attempts", maxAttempts, "1 or more (4 is the default)");
			this.maxAttempts = maxAttempts;
		}

		public Duration getBackoff() {
			return this.backoff;
		}

		public void setBackoff(Duration backoff) {
			checkPositive(backoff, "alerts.webhooks[].backoff", "1s");
			this.backoff = backoff;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = headers;
		}

		public Thresholds getThreshold() {
			return this.threshold;
		}

	}

	/**
	 * E-mail delivery of alerts, through its own SMTP settings or the application's mail
	 * sender.
	 */
	public static class Email {

		/**
		 * Whether alerts are mailed. When not set, they are as soon as recipients are set.
		 */
		private @Nullable Boolean enabled;

		/**
		 * The SMTP server. When not set, the application's JavaMailSender (spring.mail.*)
		 * sends the alerts.
		 */
		private @Nullable String smtpHost;

		/**
		 * The SMTP server's port.
		 */
		private int smtpPort = 587;

		/**
		 * The SMTP login.
		 */
		private @Nullable String username;

		/**
		 * The SMTP password.
		 */
		private @Nullable String password;

		/**
		 * Whether STARTTLS is used (and required) on the SMTP connection.
		 */
		private boolean starttls = true;

		/**
		 * The sender's address. Defaults to the username.
		 */
		private @Nullable String from;

		/**
		 * Who receives the alerts.
		 */
		private List<String> recipients = new ArrayList<>();

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Whether alerts are mailed: as set, or else when there are recipients.
		 * @return whether e-mail is on
		 */
		public boolean isActive() {
			return (this.enabled != null) ? this.enabled : !this.recipients.isEmpty();
		}

		public @Nullable String getSmtpHost() {
			return this.smtpHost;
		}

		public void setSmtpHost(@Nullable String smtpHost) {
			this.smtpHost = smtpHost;
		}

		public int getSmtpPort() {
			return this.smtpPort;
		}

		public void setSmtpPort(int smtpPort) {
			check(smtpPort > 0 && smtpPort < 65536, "alerts.email.smtp-port", smtpPort,
					"a port from 1 to 65535, such as 587 (STARTTLS) or 465");
			this.smtpPort = smtpPort;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public boolean isStarttls() {
			return this.starttls;
		}

		public void setStarttls(boolean starttls) {
			this.starttls = starttls;
		}

		public @Nullable String getFrom() {
			return this.from;
		}

		public void setFrom(@Nullable String from) {
			this.from = from;
		}

		public List<String> getRecipients() {
			return this.recipients;
		}

		public void setRecipients(List<String> recipients) {
			this.recipients = recipients;
		}

	}

	static void checkPositive(@Nullable Duration duration, String key, String example) {
		check(duration != null && !duration.isNegative() && !duration.isZero(), key, duration,
				"a positive duration such as " + example);
	}

}
