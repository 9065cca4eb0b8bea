package dev.agentobs.autoconfigure;

import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import dev.agentobs.internal.bridge.springai.SpringAiBudgetHandler;
import dev.agentobs.internal.bridge.springai.SpringAiChatClientHandler;
import dev.agentobs.internal.bridge.springai.SpringAiChatModelHandler;
import dev.agentobs.internal.bridge.springai.SpringAiStreamAdvisor;
import dev.agentobs.internal.bridge.springai.SpringAiToolCallingHandler;
import dev.agentobs.internal.cost.RunLedgers;
import dev.agentobs.internal.observation.AgentOperationDispatcher;
import dev.agentobs.internal.stats.ActiveAgentRuns;

/**
 * The Spring AI bridge: Spring AI's chat model, tool-calling and chat client observations
 * become model calls, tool calls and agent runs for metrics, statistics, cost, health, alerts,
 * events and logs, handed to the same sinks as {@code AgentObservations#record}; a model or
 * tool call started in a run that has spent its budget is stopped before Spring AI sends it. The handlers
 * take the dispatcher rather than the facade, because they are created with the observation
 * registry the facade depends on. They are plain observation handlers, which Spring Boot calls
 * for every observation they support beside its tracing and meter handlers. The
 * {@code ChatClient.Builder} Spring AI auto-configures gets an advisor that times the chunks of
 * streamed calls, which Spring AI's chat models do not report to their observations.
 *
 * @since 0.1.0
 */
// After our observation and statistics auto-configurations: the bridge hands operations to the
// dispatcher of the one and counts runs in progress with the counter of the other.
// After Spring AI's observation, chat client and tool-calling auto-configurations: unordered
// handlers are registered in bean order, and a handler registered later is started after and
// stopped before those registered earlier, so the bridge never measures more of a call than
// Spring AI's own handlers do.
@AutoConfiguration(after = { AgentObservationAutoConfiguration.class, AgentStatisticsAutoConfiguration.class },
		afterName = { "org.springframework.ai.model.chat.observation.autoconfigure.ChatObservationAutoConfiguration",
				"org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration",
				"org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration" })
// Both contexts are in spring-ai-model; the chat client's is in spring-ai-client-chat
@ConditionalOnClass({ ObservationHandler.class, ChatModelObservationContext.class })
@ConditionalOnBean(AgentOperationDispatcher.class)
@ConditionalOnMonitoringEnabled
@ConditionalOnBooleanProperty(name = "monitoring.bridges.spring-ai.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AgentBridgesProperties.class)
public final class SpringAiBridgeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SpringAiChatModelHandler springAiChatModelHandler(AgentOperationDispatcher dispatcher) {
		return new SpringAiChatModelHandler(dispatcher::dispatch);
	}

	// First of all handlers: a call it stops leaves no span or timer of another handler started
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@ConditionalOnMissingBean
	SpringAiBudgetHandler springAiBudgetHandler(ObjectProvider<RunLedgers> ledgers) {
		return new SpringAiBudgetHandler(ledgers::getIfUnique);
	}

	@Bean
	@ConditionalOnMissingBean
	SpringAiToolCallingHandler springAiToolCallingHandler(AgentOperationDispatcher dispatcher) {
		return new SpringAiToolCallingHandler(dispatcher::dispatch);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ChatClientObservationContext.class)
	static class ChatClientConfiguration {

		static final String FALLBACK_AGENT_NAME = "spring-ai";

		@Bean
		@ConditionalOnMissingBean
		SpringAiChatClientHandler springAiChatClientHandler(AgentOperationDispatcher dispatcher,
				AgentBridgesProperties bridges, Environment environment, ObjectProvider<ActiveAgentRuns> activeRuns,
				ObjectProvider<RunLedgers> ledgers) {
			return new SpringAiChatClientHandler(dispatcher::dispatch, defaultAgentName(bridges, environment),
					activeRuns.getIfAvailable(), ledgers::getIfUnique);
		}

		@Bean
		@ConditionalOnMissingBean
		SpringAiStreamAdvisor springAiStreamAdvisor() {
			return new SpringAiStreamAdvisor();
		}

		@Bean
		ChatClientCustomizer springAiStreamAdvisorCustomizer(SpringAiStreamAdvisor streamAdvisor) {
			return (builder) -> builder.defaultAdvisors(streamAdvisor);
		}

		static String defaultAgentName(AgentBridgesProperties bridges, Environment environment) {
			String agentName = bridges.getSpringAi().getAgentName();
			if (!StringUtils.hasText(agentName)) {
				agentName = environment.getProperty("spring.application.name");
			}
			return StringUtils.hasText(agentName) ? agentName : FALLBACK_AGENT_NAME;
		}

	}

}
