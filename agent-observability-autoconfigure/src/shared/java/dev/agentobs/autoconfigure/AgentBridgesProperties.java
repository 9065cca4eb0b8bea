package dev.agentobs.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Bridges from agent frameworks (Spring AI, LangChain4j) to agent observability, under
 * {@code monitoring.bridges.*}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("monitoring.bridges")
public class AgentBridgesProperties implements Validator {

	private final SpringAi springAi = new SpringAi();

	private final LangChain4j langchain4j = new LangChain4j();

	public SpringAi getSpringAi() {
		return this.springAi;
	}

	public LangChain4j getLangchain4j() {
		return this.langchain4j;
	}

	@Override
	public boolean supports(Class<?> type) {
		return AgentBridgesProperties.class == type || SpringAi.class == type || LangChain4j.class == type;
	}

	@Override
	public void validate(Object target, Errors errors) {
		if (target instanceof SpringAi springAi) {
			String agentName = springAi.agentName;
			PropertyErrors.check(errors, agentName == null || !agentName.isBlank(), "agent-name", "'" + agentName + "'",
					"a name such as research-agent, or unset to use spring.application.name");
		}
		if (target instanceof LangChain4j langchain4j) {
			String agentName = langchain4j.agentName;
			PropertyErrors.check(errors, agentName == null || !agentName.isBlank(), "agent-name", "'" + agentName + "'",
					"a name such as research-agent, or unset to name each AI service's runs after the service");
		}
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
			this.agentName = agentName;
		}

	}

	/**
	 * The LangChain4j bridge.
	 */
	public static class LangChain4j {

		/**
		 * Whether LangChain4j's chat model calls, AI service invocations (the @AiService beans
		 * of LangChain4j's Spring Boot starter included), their requests to the model and tool
		 * executions are recorded as model calls, agent runs, steps and tool calls when
		 * LangChain4j is on the classpath.
		 */
		private boolean enabled = true;

		/**
		 * The agent's name of every LangChain4j AI service's runs. Defaults to the service's
		 * bean name for an @AiService bean of LangChain4j's Spring Boot starter, and to the
		 * simple name of its interface for a service built with AiServices.builder(...).
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
			this.agentName = agentName;
		}

	}

}
