package dev.agentobs.test.app;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.agentobs.internal.metrics.AgentMetrics;
import dev.agentobs.test.AutoConfigureAgentObservability;
import dev.agentobs.test.RecordedAgentOperations;

import static dev.agentobs.test.AgentObservabilityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureAgentObservability @AutoConfigureAgentObservability} on a
 * {@code @WebMvcTest}, a slice that has no observability of its own.
 */
@BootWebMvcTest(AgentController.class)
@AutoConfigureAgentObservability
@Import(ResearchAgent.class)
class ResearchAgentWebMvcTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private RecordedAgentOperations recorded;

	@Autowired
	private MeterRegistry meterRegistry;

	@Test
	void theControllerRunsTheAgentObservedAsInProduction() {
		assertThat(this.mvc.get().uri("/ask").param("question", "Why is the sky blue?")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.text")
			.asString()
			.startsWith("reply to Answer from:");
		assertThat(this.recorded).hasAgentRun("research-agent").withSteps(3).withCostAtMost(0.01).hasNoErrors();
		assertThat(this.meterRegistry.get(AgentMetrics.AGENT_RUN_DURATION).tag("gen_ai.agent.name", "research-agent")
			.timer()
			.count()).isEqualTo(1);
	}

}
