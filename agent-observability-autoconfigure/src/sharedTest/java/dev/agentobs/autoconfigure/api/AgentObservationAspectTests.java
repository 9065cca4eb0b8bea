package dev.agentobs.autoconfigure.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.agentobs.api.ObservedAgent;
import dev.agentobs.api.ObservedTool;
import dev.agentobs.autoconfigure.AgentObservationAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;
import dev.agentobs.operation.ToolCall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AgentObservationAspect} on real Spring AOP proxies.
 */
class AgentObservationAspectTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, BootAutoConfigurations.observation(),
				AgentObservationAutoConfiguration.class))
		.withUserConfiguration(AgentConfiguration.class);

	@Test
	void annotatedMethodsAreObservedAsRunAndToolCall() {
		this.contextRunner.run((context) -> {
			String answer = context.getBean(ResearchAgent.class).research("capital of France");
			assertThat(answer).isEqualTo("Paris");
			List<AgentOperation> operations = context.getBean(AgentConfiguration.class).operations;
			assertThat(operations).extracting(AgentOperation::kind, AgentOperation::name)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(AgentOperation.Kind.TOOL_CALL, "lookup"),
						org.assertj.core.groups.Tuple.tuple(AgentOperation.Kind.AGENT_RUN, "research-agent"));
			assertThat(operations.get(0).agentName()).isEqualTo("research-agent");
			assertThat(((ToolCall) operations.get(0)).toolType()).isEqualTo("datastore");
		});
	}

	@Test
	void exceptionsOfAnnotatedMethodsAreRecordedAndRethrown() {
		this.contextRunner.run((context) -> {
			assertThatIllegalArgumentException().isThrownBy(() -> context.getBean(ResearchAgent.class).research(""));
			List<AgentOperation> operations = context.getBean(AgentConfiguration.class).operations;
			assertThat(operations).singleElement()
				.satisfies((run) -> assertThat(run.errorType()).isEqualTo("java.lang.IllegalArgumentException"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class AgentConfiguration {

		final List<AgentOperation> operations = new CopyOnWriteArrayList<>();

		@Bean
		AgentOperationSink recordingSink() {
			return this.operations::add;
		}

		@Bean
		KnowledgeBase knowledgeBase() {
			return new KnowledgeBase();
		}

		@Bean
		ResearchAgent researchAgent(KnowledgeBase knowledgeBase) {
			return new ResearchAgent(knowledgeBase);
		}

	}

	static class ResearchAgent {

		private final KnowledgeBase knowledgeBase;

		ResearchAgent(KnowledgeBase knowledgeBase) {
			this.knowledgeBase = knowledgeBase;
		}

		@ObservedAgent("research-agent")
		String research(String question) {
			if (question.isEmpty()) {
				throw new IllegalArgumentException("question is empty");
			}
			return this.knowledgeBase.lookup(question);
		}

	}

	static class KnowledgeBase {

		@ObservedTool(type = "datastore")
		String lookup(String question) {
			return "Paris";
		}

	}

}
