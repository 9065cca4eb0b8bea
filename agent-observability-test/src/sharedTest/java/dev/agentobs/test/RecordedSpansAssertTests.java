package dev.agentobs.test;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.AgentObservationAutoConfiguration;
import dev.agentobs.autoconfigure.AgentTracingAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.test.app.ResearchAgent;

import static dev.agentobs.test.AgentObservabilityAssertions.assertThat;
import static dev.agentobs.test.AgentRunAssertTests.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RecordedSpansAssert} on the spans of real runs, made by Spring Boot's
 * OpenTelemetry tracing.
 */
class RecordedSpansAssertTests {

	private static final String RESEARCH_TREE = """
			invoke_agent research-agent
			  step 1 research-agent
			    chat gpt-4o
			  step 2 research-agent
			    execute_tool web_search
			  step 3 research-agent
			    chat gpt-4o
			""";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
				BootAutoConfigurations.openTelemetrySdk(), BootAutoConfigurations.openTelemetryTracing(),
				BootAutoConfigurations.micrometerTracing(), AgentObservationAutoConfiguration.class,
				AgentTracingAutoConfiguration.class, AgentObservabilityTestAutoConfiguration.class))
		.withPropertyValues("management.tracing.sampling.probability=1.0")
		.withBean(ResearchAgent.class);

	@Test
	void hasSpanTreePassesOnTheTreeOfARun() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThat(spans(context)).hasSpanTree(RESEARCH_TREE);
		});
	}

	@Test
	void hasSpanTreeTakesSiblingsInAnyOrderAndSubtreesOnTheirOwn() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThat(spans(context)).hasSpanTree("""
					invoke_agent research-agent
					  step 3 research-agent
					    chat gpt-4o
					  step 2 research-agent
					    execute_tool web_search
					  step 1 research-agent
					    chat gpt-4o
					""").hasSpanTree("""
					step 2 research-agent
					  execute_tool web_search
					""");
		});
	}

	@Test
	void hasSpanTreeFailsShowingTheExpectedAndTheRecordedTree() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(spans(context)).hasSpanTree("""
					invoke_agent research-agent
					  step 1 research-agent
					    chat gpt-4o
					    execute_tool web_search
					"""))
				.withMessage(lines("Expected the agent spans to contain the tree", "  invoke_agent research-agent",
						"    step 1 research-agent", "      chat gpt-4o", "      execute_tool web_search",
						"but the recorded agent spans form", "  invoke_agent research-agent",
						"    step 1 research-agent", "      chat gpt-4o", "    step 2 research-agent",
						"      execute_tool web_search", "    step 3 research-agent", "      chat gpt-4o"));
		});
	}

	@Test
	void hasSpanTreeFailsSayingNoAgentSpanWasRecorded() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(spans(context)).hasSpanTree("invoke_agent research-agent"))
			.withMessage(lines("Expected the agent spans to contain the tree", "  invoke_agent research-agent",
					"but no agent span was recorded.")));
	}

	@Test
	void spansOfOtherInstrumentationAreLeftOutOfTheTree() {
		this.contextRunner.run((context) -> {
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			Observation.createNotStarted("http.server.requests", registry)
				.contextualName("http get /ask")
				.observe(() -> context.getBean(ResearchAgent.class).answer("Why is the sky blue?"));
			assertThat(spans(context).spans()).extracting(SpanData::getName).contains("http get /ask");
			assertThat(spans(context)).hasSpanTree(RESEARCH_TREE);
		});
	}

	@Test
	void aSubAgentHangsFromTheToolThatCalledIt() {
		this.contextRunner.run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			observations.agent("research-agent")
				.observe(() -> observations.tool("fact_check")
					.observe(() -> observations.agent("fact-checker").observe(() -> "checked")));
			assertThat(spans(context)).hasSpanTree("""
					invoke_agent research-agent
					  execute_tool fact_check
					    invoke_agent fact-checker
					""");
		});
	}

	@Test
	void hasSpanChecksTheAttributesOfOneSpan() {
		this.contextRunner.run((context) -> {
			context.getBean(AgentObservations.class)
				.model("openai", "gpt-4o")
				.observe((call) -> call.tokens(1200, 300).completion("Paris"));
			assertThat(spans(context)).hasSpan("chat gpt-4o")
				.hasAttribute("gen_ai.provider.name", "openai")
				.hasAttribute("gen_ai.usage.input_tokens", 1200)
				.doesNotHaveAttribute("gen_ai.output.messages");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(spans(context)).hasSpan("chat gpt-4o")
					.hasAttribute("gen_ai.usage.input_tokens", 1000))
				.withMessageStartingWith(lines(
						"Expected span \"chat gpt-4o\" to have attribute gen_ai.usage.input_tokens=1000,",
						"but it is 1200. Attributes of the span: {"))
				.withMessageContaining("gen_ai.provider.name=openai");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(spans(context)).hasSpan("chat gpt-4o")
					.doesNotHaveAttribute("gen_ai.usage.output_tokens"))
				.withMessage(lines("Expected span \"chat gpt-4o\" to have no attribute gen_ai.usage.output_tokens,",
						"but it is 300."));
		});
	}

	@Test
	void hasSpanFailsNamingTheSpansRecorded() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(spans(context)).hasSpan("chat gpt-4o"))
				.withMessage(lines("Expected one span named \"chat gpt-4o\",", "but recorded 2.",
						"Recorded spans, in the order they ended: [chat gpt-4o, step 1 research-agent, "
								+ "execute_tool web_search, step 2 research-agent, chat gpt-4o, "
								+ "step 3 research-agent, invoke_agent research-agent]"));
		});
	}

	@Test
	void hasSpanTreeRejectsTabs() {
		this.contextRunner.run((context) -> assertThatIllegalArgumentException()
			.isThrownBy(() -> assertThat(spans(context)).hasSpanTree("invoke_agent research-agent\n\tstep 1"))
			.withMessage("Indent the expected span tree with spaces, not tabs: \"step 1\""));
	}

	private static RecordedSpans spans(AssertableApplicationContext context) {
		return context.getBean(RecordedSpans.class);
	}

}
