package dev.agentobs.test;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.AgentObservationAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.test.app.ResearchAgent;
import dev.agentobs.test.app.ResearchAgent.Answer;

import static dev.agentobs.test.AgentObservabilityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AgentRunAssert}: each assertion on a real run of the research agent,
 * passing, then failing with a message that names what was expected and what was recorded.
 */
class AgentRunAssertTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
				AgentObservationAutoConfiguration.class, AgentObservabilityTestAutoConfiguration.class))
		.withPropertyValues("monitoring.cost.models.gpt-4o.input=2.50", "monitoring.cost.models.gpt-4o.output=10.00")
		.withBean(ResearchAgent.class);

	@Test
	void theIssuesExampleHoldsForAResearchRun() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThat(recorded(context)).hasAgentRun("research-agent")
				.withSteps(3)
				.withToolCall("web_search")
				.withModelCall("gpt-4o")
				.withTotalTokensAtLeast(100)
				.withCostAtMost(0.01)
				.hasNoErrors();
		});
	}

	@Test
	void withStepsFailsNamingTheStepsTakenAndListingTheRun() {
		this.contextRunner.run((context) -> {
			Answer answer = context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThat(recorded(context)).hasAgentRun("research-agent").withSteps(3);
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded(context)).hasAgentRun("research-agent").withSteps(4))
				.withMessage(lines("Expected agent run \"research-agent\" to take 4 steps,", "but it took 3.",
						"Operations of run " + answer.runId() + ", in the order they finished:",
						"  chat gpt-4o (120 input + 30 output tokens)", "  step 1 research-agent",
						"  execute_tool web_search", "  step 2 research-agent",
						"  chat gpt-4o (200 input + 60 output tokens)", "  step 3 research-agent",
						"  invoke_agent research-agent"));
		});
	}

	@Test
	void withToolCallFailsNamingTheToolsCalled() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThat(recorded(context)).hasAgentRun("research-agent").withToolCall("web_search");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(
						() -> assertThat(recorded(context)).hasAgentRun("research-agent").withToolCall("calculator"))
				.withMessageStartingWith(lines("Expected agent run \"research-agent\" to call tool \"calculator\",",
						"but it called only \"web_search\".", "Operations of run "));
		});
	}

	@Test
	void withToolCallFailsSayingNoToolWasCalled() {
		this.contextRunner.run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			observations.agent("chat-agent").observe(() -> observations.step(1).observe(() -> "hello"));
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded(context)).hasAgentRun("chat-agent").withToolCall("web_search"))
				.withMessageContaining(lines("to call tool \"web_search\",", "but it called no tool."));
		});
	}

	@Test
	void withToolCallTimesFailsNamingHowOftenTheToolWasCalled() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThat(recorded(context)).hasAgentRun("research-agent").withToolCall("web_search", 1);
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(
						() -> assertThat(recorded(context)).hasAgentRun("research-agent").withToolCall("web_search", 2))
				.withMessageStartingWith(
						lines("Expected agent run \"research-agent\" to call tool \"web_search\" 2 times,",
								"but it called it 1 time."));
		});
	}

	@Test
	void withModelCallFailsNamingTheModelsCalled() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThat(recorded(context)).hasAgentRun("research-agent").withModelCall("gpt-4o");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(
						() -> assertThat(recorded(context)).hasAgentRun("research-agent").withModelCall("gpt-4o-mini"))
				.withMessageStartingWith(lines("Expected agent run \"research-agent\" to call model \"gpt-4o-mini\",",
						"but it called only \"gpt-4o\"."));
		});
	}

	@Test
	void withTotalTokensAtLeastFailsNamingTheTokensUsed() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThat(recorded(context)).hasAgentRun("research-agent").withTotalTokensAtLeast(410);
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded(context)).hasAgentRun("research-agent")
					.withTotalTokensAtLeast(1000))
				.withMessageStartingWith(lines("Expected agent run \"research-agent\" to use at least 1000 tokens,",
						"but it used 410 tokens (320 input + 90 output) in 2 model calls."));
		});
	}

	@Test
	void withTotalTokensAtMostFailsNamingTheTokensUsed() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThat(recorded(context)).hasAgentRun("research-agent").withTotalTokensAtMost(410);
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(
						() -> assertThat(recorded(context)).hasAgentRun("research-agent").withTotalTokensAtMost(400))
				.withMessageStartingWith(lines("Expected agent run \"research-agent\" to use at most 400 tokens,",
						"but it used 410 tokens (320 input + 90 output) in 2 model calls."));
		});
	}

	@Test
	void withCostAtMostPricesTheRunAsTheApplicationIsConfigured() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			// 320 input tokens at 2.50 and 90 output tokens at 10.00 USD per million
			assertThat(recorded(context)).hasAgentRun("research-agent").withCostAtMost(0.0017);
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded(context)).hasAgentRun("research-agent").withCostAtMost(0.001))
				.withMessageStartingWith(lines("Expected agent run \"research-agent\" to cost at most 0.001 USD,",
						"but it cost 0.0017 USD for 410 tokens (320 input + 90 output) in 2 model calls at "
								+ "ModelPrices{gpt-4o=input 2.5, output 10.0 USD per million tokens, then the price "
								+ "catalogue}."));
		});
	}

	@Test
	void withCostAtMostUsesThePricesTheTestGives() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			ModelPrices fiveTimesDearer = ModelPrices.of("gpt-4o", 12.50, 50.00);
			assertThat(recorded(context)).hasAgentRun("research-agent").withCostAtMost(0.0085, fiveTimesDearer);
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded(context)).hasAgentRun("research-agent")
					.withCostAtMost(0.0017, fiveTimesDearer))
				.withMessageContaining("but it cost 0.0085 USD");
		});
	}

	@Test
	void withCostAtMostFailsNamingTheModelWithoutPrice() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded(context)).hasAgentRun("research-agent")
					.withCostAtMost(0.01, ModelPrices.of("gpt-4o-mini", 0.15, 0.60)))
				.withMessageStartingWith(lines("Expected agent run \"research-agent\" to cost at most 0.01 USD,",
						"but no price is known for \"gpt-4o\"; set monitoring.cost.models.gpt-4o.input and .output "
								+ "(USD per million tokens) or pass ModelPrices.of(\"gpt-4o\", input, output)."));
		});
	}

	@Test
	void withConversationIdFailsNamingTheRunsConversation() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThat(recorded(context)).hasAgentRun("research-agent").withConversationId("conversation-1");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded(context)).hasAgentRun("research-agent")
					.withConversationId("conversation-2"))
				.withMessageStartingWith(
						lines("Expected agent run \"research-agent\" to belong to conversation \"conversation-2\",",
								"but it belongs to \"conversation-1\"."));
		});
	}

	@Test
	void hasNoErrorsFailsListingTheFailedOperations() {
		this.contextRunner.run((context) -> {
			Answer answer = context.getBean(ResearchAgent.class).answer("Is the search offline?");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded(context)).hasAgentRun("research-agent").hasNoErrors())
				.withMessage(lines("Expected agent run \"research-agent\" to have no errors,",
						"but 1 operation failed:",
						"  execute_tool web_search failed with java.lang.IllegalStateException.",
						"Operations of run " + answer.runId() + ", in the order they finished:",
						"  chat gpt-4o (120 input + 30 output tokens)", "  step 1 research-agent",
						"  execute_tool web_search failed with java.lang.IllegalStateException",
						"  step 2 research-agent", "  chat gpt-4o (200 input + 60 output tokens)",
						"  step 3 research-agent", "  invoke_agent research-agent"));
		});
	}

	@Test
	void aSubAgentsStepsAndCallsAreNotThoseOfTheRunThatCalledIt() {
		this.contextRunner.run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			observations.agent("research-agent")
				.observe(() -> observations.step(1)
					.observe(() -> observations.tool("fact_check")
						.observe(() -> observations.agent("fact-checker")
							.observe(() -> observations.step(1).observe(() -> observations.tool("web_search")
								.observe(() -> "checked"))))));
			assertThat(recorded(context)).hasAgentRun("research-agent").withSteps(1).withToolCall("fact_check", 1)
				.withToolCall("web_search", 0);
			assertThat(recorded(context)).hasAgentRun("fact-checker").withSteps(1).withToolCall("web_search", 1);
		});
	}

	@Test
	void aDescriptionPrefixesTheFailure() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded(context)).as("answer to the sky question")
					.hasAgentRun("research-agent")
					.withSteps(2))
				.withMessageStartingWith("[answer to the sky question] Expected agent run");
		});
	}

	private static RecordedAgentOperations recorded(AssertableApplicationContext context) {
		return context.getBean(RecordedAgentOperations.class);
	}

	static String lines(String... lines) {
		return String.join(System.lineSeparator(), lines);
	}

}
