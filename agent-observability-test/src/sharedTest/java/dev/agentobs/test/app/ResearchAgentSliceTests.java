package dev.agentobs.test.app;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.web.context.WebApplicationContext;

import dev.agentobs.event.AgentEventListener;
import dev.agentobs.test.AgentObservabilityTest;
import dev.agentobs.test.RecordedAgentOperations;
import dev.agentobs.test.RecordedSpans;

import static dev.agentobs.test.AgentObservabilityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link AgentObservabilityTest @AgentObservabilityTest} slice: the agents without their
 * web layer, with the slice's properties. Two tests run the research agent once and see one
 * run: recordings are cleared between tests, whichever runs first.
 */
@AgentObservabilityTest(components = { ResearchAgent.class, FactChecker.class }, properties = "research.topic=sky")
class ResearchAgentSliceTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private Environment environment;

	@Autowired
	private ResearchAgent agent;

	@Autowired
	private FactChecker factChecker;

	@Autowired
	private RecordedAgentOperations recorded;

	@Autowired
	private RecordedSpans spans;

	@Test
	void theSliceHoldsTheAgentAndItsListenersButNoWebLayer() {
		assertThat(this.context.getBeansOfType(AgentController.class)).isEmpty();
		assertThat(this.context.getBeansOfType(AgentEventListener.class)).containsOnlyKeys("slowRunWarning");
		assertThat(this.context).isNotInstanceOf(WebApplicationContext.class);
		this.agent.answer("Why is the sky blue?");
		assertThat(this.recorded).hasAgentRuns("research-agent", 1);
	}

	@Test
	void theSliceAppliesItsProperties() {
		assertThat(this.environment.getProperty("research.topic")).isEqualTo("sky");
	}

	@Test
	void annotatedAgentsAreObservedThroughTheirProxies() {
		this.factChecker.check("The sky is blue.");
		assertThat(this.recorded).hasAgentRun("fact-checker").withSteps(0).hasNoErrors();
	}

	@Test
	void theAgentIsObservedAndTracedAsInProduction() {
		this.agent.answer("Why is the sky blue?");
		assertThat(this.recorded).hasAgentRuns("research-agent", 1)
			.hasAgentRun("research-agent")
			.withSteps(3)
			.withToolCall("web_search")
			.withModelCall("gpt-4o")
			.withTotalTokensAtLeast(100)
			.withCostAtMost(0.01)
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
