package dev.agentobs.autoconfigure;

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

	private final Metrics metrics = new Metrics();

	private final Tracing tracing = new Tracing();

	private final Logging logging = new Logging();

	private final Bridges bridges = new Bridges();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
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
