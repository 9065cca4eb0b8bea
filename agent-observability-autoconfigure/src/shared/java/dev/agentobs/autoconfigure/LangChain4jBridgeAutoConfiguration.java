package dev.agentobs.autoconfigure;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.agentobs.internal.bridge.langchain4j.LangChain4jAiServiceObserver;
import dev.agentobs.internal.bridge.langchain4j.LangChain4jChatModelListener;
import dev.agentobs.internal.observation.AgentOperationHandler;

/**
 * The LangChain4j bridge: a {@link ChatModelListener} bean, which LangChain4j's Spring Boot
 * starters give to every chat model they create, observes model calls; where LangChain4j's AI
 * services are present, a {@link LangChain4jAiServiceObserver} observes their invocations as
 * agent runs, their requests to the model as steps and their tool executions as tool calls.
 * Where LangChain4j's Spring Boot starter is present, the {@code @AiService} beans it makes are
 * handed to that observer with no code. LangChain4j makes no observations of its own, so these
 * are the starter's observations: spans, meters and every sink.
 *
 * @since 0.1.0
 */
// After Spring Boot's observation auto-configuration, which defines the registry the bridge
// observes in, and after ours, whose handlers turn those observations into agent operations:
// the conditions on both beans need them defined. LangChain4j's model auto-configurations need
// no order: they look listener beans up when they create their models.
@AutoConfiguration(after = AgentObservationAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration" })
@ConditionalOnClass({ ChatModelListener.class, ObservationRegistry.class })
@ConditionalOnBean({ ObservationRegistry.class, AgentOperationHandler.class })
@ConditionalOnMonitoringEnabled
@ConditionalOnBooleanProperty(name = "monitoring.bridges.langchain4j.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AgentBridgesProperties.class)
public final class LangChain4jBridgeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LangChain4jChatModelListener langChain4jChatModelListener(ObservationRegistry registry) {
		return new LangChain4jChatModelListener(registry);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "dev.langchain4j.service.AiServices")
	static class AiServicesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LangChain4jAiServiceObserver langChain4jAiServiceObserver(ObservationRegistry registry,
				AgentBridgesProperties bridges) {
			return new LangChain4jAiServiceObserver(registry, bridges.getLangchain4j().getAgentName());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "dev.langchain4j.service.AiServices", "dev.langchain4j.service.spring.AiService" })
	static class AiServiceBeansConfiguration {

		// Static and with a provider: a post-processor is made before other beans, and the
		// observer (with the registry it needs) is only looked up once an AI service is made
		@Bean
		@ConditionalOnMissingBean
		static LangChain4jAiServiceBeanPostProcessor langChain4jAiServiceBeanPostProcessor(
				ObjectProvider<LangChain4jAiServiceObserver> observer) {
			return new LangChain4jAiServiceBeanPostProcessor(observer);
		}

	}

}
