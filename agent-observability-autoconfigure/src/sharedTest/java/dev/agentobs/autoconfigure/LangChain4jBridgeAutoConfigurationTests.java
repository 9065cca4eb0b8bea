package dev.agentobs.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.internal.bridge.langchain4j.LangChain4jAiServiceObserver;
import dev.agentobs.internal.bridge.langchain4j.LangChain4jChatModelListener;
import dev.agentobs.internal.bridge.springai.SpringAiChatClientHandler;
import dev.agentobs.internal.bridge.springai.SpringAiChatModelHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LangChain4jBridgeAutoConfiguration}, and for both bridges missing together.
 */
class LangChain4jBridgeAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
				AgentObservationAutoConfiguration.class, LangChain4jBridgeAutoConfiguration.class));

	@Test
	void runWithLangChain4jShouldCreateListenerAndObserver() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(LangChain4jChatModelListener.class)
			.hasSingleBean(LangChain4jAiServiceObserver.class));
	}

	@Test
	void runWithLangChain4jSpringBootStarterShouldObserveItsAiServiceBeans() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(LangChain4jAiServiceBeanPostProcessor.class));
	}

	@Test
	void runWithoutLangChain4jSpringBootStarterShouldNotCreatePostProcessor() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("dev.langchain4j.service.spring"))
			.run((context) -> assertThat(context).hasSingleBean(LangChain4jAiServiceObserver.class)
				.doesNotHaveBean(LangChain4jAiServiceBeanPostProcessor.class));
	}

	@Test
	void runWithOnlyLangChain4jCoreShouldCreateOnlyListener() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("dev.langchain4j.service"))
			.run((context) -> assertThat(context).hasSingleBean(LangChain4jChatModelListener.class)
				.doesNotHaveBean(LangChain4jAiServiceObserver.class)
				.doesNotHaveBean(LangChain4jAiServiceBeanPostProcessor.class));
	}

	@Test
	void blankAgentNameFailsStartupNamingTheKey() {
		this.contextRunner.withPropertyValues("monitoring.bridges.langchain4j.agent-name= ")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure())).contains(
					"Property: monitoring.bridges.langchain4j.agent-name",
					"Reason: agent-name must be a name such as research-agent, or unset to name each AI service's runs "
							+ "after the service"));
	}

	@Test
	void runWithoutObservationRegistryShouldNotCreateListener() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AgentObservationAutoConfiguration.class,
					LangChain4jBridgeAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LangChain4jChatModelListener.class));
	}

	@Test
	void runWhenDisabledShouldNotCreateListener() {
		this.contextRunner.withPropertyValues("monitoring.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LangChain4jChatModelListener.class)
				.doesNotHaveBean(LangChain4jAiServiceObserver.class));
	}

	@Test
	void runWhenBridgeDisabledShouldNotCreateListener() {
		this.contextRunner.withPropertyValues("monitoring.bridges.langchain4j.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(AgentObservations.class)
				.doesNotHaveBean(LangChain4jChatModelListener.class)
				.doesNotHaveBean(LangChain4jAiServiceObserver.class)
				.doesNotHaveBean(LangChain4jAiServiceBeanPostProcessor.class));
	}

	@Test
	void runWithUserListenerShouldBackOff() {
		this.contextRunner
			.withBean("ownListener", LangChain4jChatModelListener.class,
					() -> new LangChain4jChatModelListener(ObservationRegistry.NOOP))
			.run((context) -> assertThat(context).getBeanNames(LangChain4jChatModelListener.class)
				.containsExactly("ownListener"));
	}

	@Test
	void runWithNeitherFrameworkShouldLoadNoBridgeClass() {
		// The bridges' own classes are hidden too: loading any of them would fail the context
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
					AgentObservationAutoConfiguration.class, SpringAiBridgeAutoConfiguration.class,
					LangChain4jBridgeAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.ai", "dev.langchain4j", "dev.agentobs.bridge"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(AgentObservations.class)
				.doesNotHaveBean(SpringAiChatModelHandler.class)
				.doesNotHaveBean(SpringAiChatClientHandler.class)
				.doesNotHaveBean(LangChain4jChatModelListener.class)
				.doesNotHaveBean(LangChain4jAiServiceObserver.class));
	}

}
