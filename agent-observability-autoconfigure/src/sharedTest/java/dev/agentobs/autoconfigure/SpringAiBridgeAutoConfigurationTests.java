package dev.agentobs.autoconfigure;

import java.util.List;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.internal.bridge.springai.SpringAiChatClientHandler;
import dev.agentobs.internal.bridge.springai.SpringAiChatModelHandler;
import dev.agentobs.internal.bridge.springai.SpringAiStreamAdvisor;
import dev.agentobs.internal.bridge.springai.SpringAiToolCallingHandler;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SpringAiBridgeAutoConfiguration}.
 */
class SpringAiBridgeAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(BootAutoConfigurations.observation(), AgentObservationAutoConfiguration.class,
					SpringAiBridgeAutoConfiguration.class));

	@Test
	void runWithSpringAiShouldCreateHandlers() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(SpringAiChatModelHandler.class)
			.hasSingleBean(SpringAiToolCallingHandler.class)
			.hasSingleBean(SpringAiChatClientHandler.class)
			.hasSingleBean(SpringAiStreamAdvisor.class)
			.hasSingleBean(ChatClientCustomizer.class));
	}

	@Test
	void runWithoutChatClientShouldCreateOnlyModelAndToolHandlers() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.ai.chat.client"))
			.run((context) -> assertThat(context).hasSingleBean(SpringAiChatModelHandler.class)
				.hasSingleBean(SpringAiToolCallingHandler.class)
				.doesNotHaveBean(SpringAiChatClientHandler.class)
				.doesNotHaveBean(SpringAiStreamAdvisor.class));
	}

	@Test
	void runWithoutSpringAiShouldNotCreateHandlers() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(AgentObservations.class)
				.doesNotHaveBean(SpringAiChatModelHandler.class)
				.doesNotHaveBean(SpringAiToolCallingHandler.class)
				.doesNotHaveBean(SpringAiChatClientHandler.class));
	}

	@Test
	void runWhenDisabledShouldNotCreateHandlers() {
		this.contextRunner.withPropertyValues("monitoring.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SpringAiChatModelHandler.class)
				.doesNotHaveBean(SpringAiToolCallingHandler.class)
				.doesNotHaveBean(SpringAiChatClientHandler.class));
	}

	@Test
	void runWhenBridgeDisabledShouldNotCreateHandlers() {
		this.contextRunner.withPropertyValues("monitoring.bridges.spring-ai.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(AgentObservations.class)
				.doesNotHaveBean(SpringAiChatModelHandler.class)
				.doesNotHaveBean(SpringAiChatClientHandler.class));
	}

	@Test
	void runWithUserHandlerShouldBackOff() {
		this.contextRunner
			.withBean("ownHandler", SpringAiChatModelHandler.class, () -> new SpringAiChatModelHandler((operation) -> {
			}))
			.run((context) -> assertThat(context).getBeanNames(SpringAiChatModelHandler.class)
				.containsExactly("ownHandler"));
	}

	@Test
	void chatClientRunIsNamedByPropertyBeforeApplicationName() {
		RecordingSink sink = new RecordingSink();
		this.contextRunner.withBean(RecordingSink.class, () -> sink)
			.withPropertyValues("spring.application.name=support-service",
					"monitoring.bridges.spring-ai.agent-name=triage-agent")
			.run((context) -> {
				observeChatClientCall(context.getBean(ObservationRegistry.class), Map.of());
				assertThat(sink.operations).singleElement()
					.satisfies((run) -> assertThat(run.agentName()).isEqualTo("triage-agent"));
			});
	}

	@Test
	void chatClientRunIsNamedByApplicationNameByDefault() {
		RecordingSink sink = new RecordingSink();
		this.contextRunner.withBean(RecordingSink.class, () -> sink)
			.withPropertyValues("spring.application.name=support-service")
			.run((context) -> {
				observeChatClientCall(context.getBean(ObservationRegistry.class), Map.of());
				assertThat(sink.operations).singleElement()
					.satisfies((run) -> assertThat(run.agentName()).isEqualTo("support-service"));
			});
	}

	@Test
	void chatClientRunIsNamedByAdvisorParameterFirst() {
		RecordingSink sink = new RecordingSink();
		this.contextRunner.withBean(RecordingSink.class, () -> sink)
			.withPropertyValues("monitoring.bridges.spring-ai.agent-name=triage-agent")
			.run((context) -> {
				observeChatClientCall(context.getBean(ObservationRegistry.class),
						Map.of(SpringAiChatClientHandler.AGENT_NAME_PARAM, "billing-agent"));
				assertThat(sink.operations).singleElement().satisfies((run) -> {
					assertThat(run.kind()).isEqualTo(AgentOperation.Kind.AGENT_RUN);
					assertThat(run.agentName()).isEqualTo("billing-agent");
				});
			});
	}

	@Test
	void blankAgentNameFailsStartupNamingTheKey() {
		this.contextRunner.withPropertyValues("monitoring.bridges.spring-ai.agent-name= ")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.bridges.spring-ai.agent-name",
						"Reason: agent-name must be a name such as research-agent, or unset to use spring.application.name"));
	}

	private static void observeChatClientCall(ObservationRegistry registry, Map<String, Object> params) {
		ChatClientRequest request = ChatClientRequest.builder()
			.prompt(new Prompt("What is the capital of France?"))
			.context(params)
			.build();
		ChatClientObservationContext context = ChatClientObservationContext.builder()
			.request(request)
			.advisors(List.of())
			.build();
		Observation.createNotStarted("spring.ai.chat.client", () -> context, registry).observe(() -> {
		});
	}

	static class RecordingSink implements AgentOperationSink {

		final List<AgentOperation> operations = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public void accept(AgentOperation operation) {
			this.operations.add(operation);
		}

	}

}
