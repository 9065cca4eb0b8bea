package dev.agentobs.sample.llm;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.agentobs.sample.SampleProperties;
import dev.agentobs.sample.tool.ToolNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SimulatedChatModelTests {

	private static final List<String> RESEARCH_TOOLS = List.of(ToolNames.WEB_SEARCH, ToolNames.CALCULATOR,
			ToolNames.FACT_CHECK);

	private static final String COFFEE_PAGE = "Coffee production report (https://agri.example.org/coffee/production): "
			+ "World coffee production reached 168 million bags in 2023, against 164 million bags the season before.";

	@Test
	void questionWithATopicAndArithmeticIsPlannedAsTwoSearchesAndACalculation() {
		ChatReply reply = model(0).chat(new ChatRequest("gpt-4o",
				List.of(ChatMessage.system("You research."),
						ChatMessage.user("What is (1200 - 300) * 4 and how big is the coffee harvest?")),
				RESEARCH_TOOLS));
		assertThat(reply.isFinalAnswer()).isFalse();
		assertThat(reply.toolCalls()).extracting(ToolCall::name)
			.containsExactly(ToolNames.WEB_SEARCH, ToolNames.WEB_SEARCH, ToolNames.CALCULATOR);
		assertThat(reply.toolCalls().get(0).input()).isEqualTo("big coffee harvest");
		assertThat(reply.toolCalls().get(2).input()).isEqualTo("(1200 - 300) * 4");
		assertThat(reply.toolCalls()).allSatisfy((call) -> assertThat(call.id()).matches("call_[A-Za-z0-9]{24}"));
		assertThat(reply.responseModel()).isEqualTo("gpt-4o-2024-08-06");
	}

	@Test
	void arithmeticQuestionIsAnsweredFromTheCalculatorResult() {
		ChatReply reply = model(0).chat(new ChatRequest("gpt-4o", List.of(ChatMessage.system("You research."),
				ChatMessage.user("What is 6 * 7?"), ChatMessage.tool(ToolNames.CALCULATOR, "42")), RESEARCH_TOOLS));
		assertThat(reply.isFinalAnswer()).isTrue();
		assertThat(reply.content()).isEqualTo("6 * 7 = 42.");
	}

	@Test
	void rawSearchResultsAreReadAsTheirTwoMostRelevantSnippets() {
		ChatReply reply = model(0).chat(new ChatRequest("gpt-4o", List.of(ChatMessage.system("You research."),
				ChatMessage.user("How big is the coffee harvest?"),
				ChatMessage.tool(ToolNames.WEB_SEARCH, "Search results for: big coffee harvest\n" + COFFEE_PAGE)),
				RESEARCH_TOOLS));
		assertThat(reply.toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.name()).isEqualTo(ToolNames.FACT_CHECK);
			assertThat(call.input()).isEqualTo("World coffee production reached 168 million bags in 2023, "
					+ "against 164 million bags the season before.");
		});
	}

	@Test
	void claimThatOnlyOnePageGivesIsDisputed() {
		ChatReply reply = model(0).chat(factCheck(COFFEE_PAGE));
		assertThat(reply.content()).startsWith(SimulatedChatModel.DISPUTED + ": only one source");
	}

	@Test
	void claimThatTwoPagesGiveIsSupported() {
		ChatReply reply = model(0).chat(factCheck(COFFEE_PAGE + "\n" + COFFEE_PAGE.replace("production", "harvest")));
		assertThat(reply.content()).startsWith(SimulatedChatModel.SUPPORTED);
	}

	@Test
	void tokenCountsGrowWithTheConversation() {
		SimulatedChatModel model = model(0);
		ChatReply shortReply = model.chat(new ChatRequest("gpt-4o-mini",
				List.of(ChatMessage.system("Condense."), ChatMessage.user("Nothing")), List.of()));
		ChatReply longReply = model.chat(new ChatRequest("gpt-4o-mini",
				List.of(ChatMessage.system("Condense."), ChatMessage.user("Nothing ".repeat(400))), List.of()));
		assertThat(shortReply.inputTokens()).isPositive();
		assertThat(longReply.inputTokens()).isGreaterThan(shortReply.inputTokens() + 700);
		assertThat(shortReply.outputTokens()).isPositive();
	}

	@Test
	void everyCallFailsWithAFailureRateOfOne() {
		assertThatExceptionOfType(ModelException.class).isThrownBy(() -> model(1).chat(new ChatRequest("gpt-4o",
				List.of(ChatMessage.user("Anything")), List.of())))
			.satisfies((ex) -> assertThat(ex).isInstanceOfAny(ModelTimeoutException.class, RateLimitException.class));
	}

	@Test
	void timeoutSaysHowLongItWaited() {
		SampleProperties properties = new SampleProperties();
		properties.getLlm().setLatency(Duration.ofMillis(20));
		properties.getLlm().setFailureRate(1);
		SimulatedChatModel model = new SimulatedChatModel(properties);
		for (int i = 0; i < 20; i++) {
			long start = System.nanoTime();
			try {
				model.chat(new ChatRequest("gpt-4o", List.of(ChatMessage.user("Anything")), List.of()));
			}
			catch (ModelTimeoutException ex) {
				long waitedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
				long saidMillis = Long.parseLong(ex.getMessage().replaceAll(".* after (\\d+) ms \\(simulated\\)$", "$1"));
				assertThat(saidMillis).isBetween(15L, waitedMillis);
				return;
			}
			catch (RateLimitException ex) {
				// the other kind of failure: try again
			}
		}
		throw new AssertionError("No timeout in 20 failed calls");
	}

	@Test
	void unknownModelIsRejected() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> model(0).chat(new ChatRequest("gpt-5-turbo", List.of(ChatMessage.user("Hi")), List.of())))
			.withMessage("The model 'gpt-5-turbo' does not exist");
	}

	@Test
	void expressionIsFoundInsideAQuestion() {
		assertThat(SimulatedChatModel.expressionIn("How much is (1200 - 300) * 4, roughly?"))
			.isEqualTo("(1200 - 300) * 4");
		assertThat(SimulatedChatModel.expressionIn("What happened in 2024?")).isNull();
	}

	@Test
	void figuresLeaveYearsOut() {
		assertThat(SimulatedChatModel.figures("USD 1.6 billion in 2023, USD 4.3 billion by 2028"))
			.containsExactly("1.6", "4.3");
	}

	private static ChatRequest factCheck(String searchResults) {
		return new ChatRequest("gpt-4o-mini", List.of(ChatMessage.system("You check facts."),
				ChatMessage.user("World coffee production reached 168 million bags in 2023."),
				ChatMessage.tool(ToolNames.WEB_SEARCH, searchResults)), List.of(ToolNames.WEB_SEARCH));
	}

	private static SimulatedChatModel model(double failureRate) {
		SampleProperties properties = new SampleProperties();
		properties.getLlm().setLatency(Duration.ZERO);
		properties.getLlm().setFailureRate(failureRate);
		return new SimulatedChatModel(properties);
	}

}
