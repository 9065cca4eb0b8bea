package dev.agentobs.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the default conventions' key values and span names, which are made once per
 * combination of names and then reused.
 */
class DefaultObservationConventionsTests {

	@Test
	void toolCallKeyValuesAreReusedForTheSameNames() {
		DefaultToolCallObservationConvention convention = new DefaultToolCallObservationConvention();
		KeyValues first = convention.getLowCardinalityKeyValues(new ToolCallContext("web_search"));
		KeyValues second = convention.getLowCardinalityKeyValues(new ToolCallContext("web_search"));
		assertThat(second).isSameAs(first);
		assertThat(first).containsExactlyInAnyOrder(KeyValue.of("gen_ai.operation.name", "execute_tool"),
				KeyValue.of("gen_ai.tool.name", "web_search"), KeyValue.of("gen_ai.tool.type", "function"));
		assertThat(convention.getContextualName(new ToolCallContext("web_search"))).isEqualTo("execute_tool web_search");
	}

	@Test
	void toolCallKeyValuesFollowEveryNameThatMakesThem() {
		DefaultToolCallObservationConvention convention = new DefaultToolCallObservationConvention();
		ToolCallContext plain = new ToolCallContext("web_search");
		convention.getLowCardinalityKeyValues(plain);
		ToolCallContext failed = new ToolCallContext("web_search");
		failed.setError(new IllegalStateException("boom"));
		assertThat(convention.getLowCardinalityKeyValues(failed))
			.contains(KeyValue.of("error.type", "java.lang.IllegalStateException"));
		ToolCallContext inAgent = new ToolCallContext("web_search");
		inAgent.setAgentName("research-agent");
		inAgent.setToolType("datastore");
		assertThat(convention.getLowCardinalityKeyValues(inAgent)).contains(
				KeyValue.of("gen_ai.agent.name", "research-agent"), KeyValue.of("gen_ai.tool.type", "datastore"));
		ToolCallContext called = new ToolCallContext("web_search");
		called.setRunId("run-1");
		called.setToolCallId("call-1");
		assertThat(convention.getHighCardinalityKeyValues(called)).containsExactlyInAnyOrder(
				KeyValue.of("agent.run.id", "run-1"), KeyValue.of("gen_ai.tool.call.id", "call-1"));
		assertThat(convention.getHighCardinalityKeyValues(plain)).isEmpty();
		assertThat(convention.getContextualName(new ToolCallContext("calculator")))
			.isEqualTo("execute_tool calculator");
	}

	@Test
	void modelCallKeyValuesFollowTheOperationAndTheResponseModel() {
		DefaultModelCallObservationConvention convention = new DefaultModelCallObservationConvention();
		ModelCallContext chat = new ModelCallContext("openai", "gpt-4o");
		ModelCallContext embeddings = new ModelCallContext("openai", "gpt-4o");
		embeddings.setOperationName("embeddings");
		embeddings.setResponseModel("gpt-4o-2024-08-06");
		assertThat(convention.getLowCardinalityKeyValues(chat)).contains(KeyValue.of("gen_ai.operation.name", "chat"));
		assertThat(convention.getLowCardinalityKeyValues(embeddings))
			.contains(KeyValue.of("gen_ai.operation.name", "embeddings"));
		assertThat(convention.getContextualName(chat)).isEqualTo("chat gpt-4o");
		assertThat(convention.getContextualName(embeddings)).isEqualTo("embeddings gpt-4o");
		assertThat(convention.getHighCardinalityKeyValues(chat)).isEmpty();
		assertThat(convention.getHighCardinalityKeyValues(embeddings))
			.containsExactly(KeyValue.of("gen_ai.response.model", "gpt-4o-2024-08-06"));
	}

	@Test
	void agentRunKeyValuesFollowTheAgentAndTheRun() {
		DefaultAgentRunObservationConvention convention = new DefaultAgentRunObservationConvention();
		AgentRunContext research = new AgentRunContext("research-agent");
		AgentRunContext factChecker = new AgentRunContext("fact-checker");
		assertThat(convention.getLowCardinalityKeyValues(factChecker))
			.contains(KeyValue.of("gen_ai.agent.name", "fact-checker"));
		assertThat(convention.getContextualName(research)).isEqualTo("invoke_agent research-agent");
		assertThat(convention.getHighCardinalityKeyValues(research))
			.contains(KeyValue.of("agent.run.id", research.getRunId()));
		assertThat(convention.getHighCardinalityKeyValues(factChecker))
			.contains(KeyValue.of("agent.run.id", factChecker.getRunId()));
	}

}
