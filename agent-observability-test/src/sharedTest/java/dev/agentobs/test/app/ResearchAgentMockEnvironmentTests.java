package dev.agentobs.test.app;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.agentobs.test.AutoConfigureAgentObservability;
import dev.agentobs.test.RecordedAgentOperations;
import dev.agentobs.test.RecordedSpans;

import static dev.agentobs.test.AgentObservabilityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link AutoConfigureAgentObservability @AutoConfigureAgentObservability} in a
 * {@code @SpringBootTest} with a mock web environment.
 */
@SpringBootTest
@BootAutoConfigureMockMvc
@AutoConfigureAgentObservability
class ResearchAgentMockEnvironmentTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private RecordedAgentOperations recorded;

	@Autowired
	private RecordedSpans spans;

	@Test
	void askingRunsTheResearchAgentInThreeStepsWithinBudget() {
		assertThat(this.mvc.get().uri("/ask").param("question", "Why is the sky blue?")).hasStatusOk();
		assertThat(this.recorded).hasAgentRun("research-agent")
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

	@Test
	void aSearchOutageIsAnErrorOfTheRunThoughTheRequestSucceeds() {
		assertThat(this.mvc.get().uri("/ask").param("question", "Is the search offline?")).hasStatusOk();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.recorded).hasAgentRun("research-agent").hasNoErrors())
			.withMessageContaining("execute_tool web_search failed with java.lang.IllegalStateException");
	}

}
