package dev.agentobs.test.app;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import dev.agentobs.test.AgentObservabilityTest;
import dev.agentobs.test.RecordedAgentOperations;
import dev.agentobs.test.RecordedSpans;

import static dev.agentobs.test.AgentObservabilityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AgentObservabilityTest @AgentObservabilityTest} on Spring Boot 3.5: the slice starts
 * with the named agent, applies its properties, and observes and traces as in production.
 */
@AgentObservabilityTest(components = ResearchAgent.class, properties = "research.topic=sky")
class ResearchAgentSliceTests {

	@Autowired
	private Environment environment;

	@Autowired
	private ResearchAgent agent;

	@Autowired
	private RecordedAgentOperations recorded;

	@Autowired
	private RecordedSpans spans;

	@Test
	void theSliceAppliesItsProperties() {
		assertThat(this.environment.getProperty("research.topic")).isEqualTo("sky");
	}

	@Test
	void theAgentIsObservedAndTracedAsInProduction() {
		this.agent.answer("Why is the sky blue?");
		assertThat(this.recorded).hasAgentRuns("research-agent", 1)
			.hasAgentRun("research-agent")
			.withSteps(3)
			.withToolCall("web_search")
			.withModelCall("gpt-4o")
			.hasNoErrors();
		assertThat(this.spans).hasSpanTree("""
				invoke_agent research-agent
				  step 1 research-agent
				    chat gpt-4o
				  step 2 research-agent
				    execute_tool web_search
				  step 3 research-agent
				    chat gpt-4o
				""");
	}

}
