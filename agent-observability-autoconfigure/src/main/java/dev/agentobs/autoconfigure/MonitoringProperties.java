package dev.agentobs.autoconfigure;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

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

}
