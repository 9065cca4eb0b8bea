package dev.agentobs.test;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.AgentObservationAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.test.app.ResearchAgent;
import dev.agentobs.test.app.ResearchAgent.Answer;

import static dev.agentobs.test.AgentObservabilityAssertions.assertThat;
import static dev.agentobs.test.AgentRunAssertTests.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RecordedAgentOperationsAssert}: each assertion on real runs, passing, then
 * failing with a message that names what was expected and what was recorded.
 */
class RecordedAgentOperationsAssertTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
				AgentObservationAutoConfiguration.class, AgentObservabilityTestAutoConfiguration.class))
		.withBean(ResearchAgent.class);

	@Test
	void operationsAreRecordedInTheOrderTheyFinished() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThat(recorded(context).operations()).extracting(AgentOperation::kind)
				.containsExactly(AgentOperation.Kind.MODEL_CALL, AgentOperation.Kind.AGENT_STEP,
						AgentOperation.Kind.TOOL_CALL, AgentOperation.Kind.AGENT_STEP, AgentOperation.Kind.MODEL_CALL,
						AgentOperation.Kind.AGENT_STEP, AgentOperation.Kind.AGENT_RUN);
		});
	}

	@Test
	void operationsRecordedFromElsewhereAreRecordedToo() {
		this.contextRunner.run((context) -> {
			context.getBean(AgentObservations.class)
				.record(AgentOperation.agentRun("imported-agent")
					.runId("run-7")
					.duration(Duration.ofSeconds(2))
					.build());
			assertThat(recorded(context)).hasAgentRunWithId("run-7").withSteps(0);
		});
	}

	@Test
	void hasAgentRunFailsNamingTheAgentsThatRan() {
		this.contextRunner.run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			observations.agent("fact-checker").observe(() -> "checked");
			assertThat(recorded(context)).hasAgentRun("fact-checker");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded(context)).hasAgentRun("research-agent"))
				.withMessage(lines("Expected an agent run of \"research-agent\",",
						"but recorded runs of \"fact-checker\".", "Recorded operations, in the order they finished:",
						"  invoke_agent fact-checker"));
		});
	}

	@Test
	void hasAgentRunFailsSayingNothingWasRecorded() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(recorded(context)).hasAgentRun("research-agent"))
			.withMessage(lines("Expected an agent run of \"research-agent\",", "but recorded no agent run.",
					"Recorded operations, in the order they finished:", "  (none)")));
	}

	@Test
	void hasAgentRunFailsWhenTheAgentRanMoreThanOnce() {
		this.contextRunner.run((context) -> {
			ResearchAgent agent = context.getBean(ResearchAgent.class);
			Answer first = agent.answer("Why is the sky blue?");
			Answer second = agent.answer("Why is the sea blue?");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded(context)).hasAgentRun("research-agent"))
				.withMessageStartingWith(lines("Expected one agent run of \"research-agent\",",
						"but recorded 2 (runs " + first.runId() + ", " + second.runId()
								+ "); assert their number with hasAgentRuns(\"research-agent\", 2) or pick one with "
								+ "hasAgentRunWithId(runId)."));
		});
	}

	@Test
	void hasAgentRunWithIdPicksTheRunTheAgentAnswered() {
		this.contextRunner.run((context) -> {
			ResearchAgent agent = context.getBean(ResearchAgent.class);
			agent.answer("Why is the sky blue?");
			Answer offline = agent.answer("Is the search offline?");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded(context)).hasAgentRunWithId(offline.runId()).hasNoErrors())
				.withMessageContaining("execute_tool web_search failed with java.lang.IllegalStateException");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded(context)).hasAgentRunWithId("no-such-run"))
				.withMessageStartingWith(lines("Expected an agent run with id \"no-such-run\",", "but recorded runs "));
		});
	}

	@Test
	void hasAgentRunsFailsNamingHowManyRan() {
		this.contextRunner.run((context) -> {
			ResearchAgent agent = context.getBean(ResearchAgent.class);
			agent.answer("Why is the sky blue?");
			agent.answer("Why is the sea blue?");
			assertThat(recorded(context)).hasAgentRuns("research-agent", 2).hasNoAgentRun("fact-checker");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded(context)).hasAgentRuns("research-agent", 1))
				.withMessageStartingWith(lines("Expected 1 agent run of \"research-agent\",", "but recorded 2."));
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded(context)).hasNoAgentRun("research-agent"))
				.withMessageStartingWith(lines("Expected 0 agent runs of \"research-agent\",", "but recorded 2."));
		});
	}

	@Test
	void hasNoErrorsFailsListingFailuresInAndOutsideRuns() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThat(recorded(context)).hasNoErrors();
			AgentObservations observations = context.getBean(AgentObservations.class);
			observations.model("openai", "gpt-4o").errorType("rate_limited").observe(() -> "try later");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded(context)).hasNoErrors())
				.withMessageStartingWith(lines("Expected no errors,", "but 1 operation failed:",
						"  chat gpt-4o failed with rate_limited."));
		});
	}

	@Test
	void clearForgetsEverythingRecorded() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			recorded(context).clear();
			assertThat(recorded(context).operations()).isEmpty();
			assertThat(recorded(context)).hasNoAgentRun("research-agent");
		});
	}

	private static RecordedAgentOperations recorded(AssertableApplicationContext context) {
		return context.getBean(RecordedAgentOperations.class);
	}

}
