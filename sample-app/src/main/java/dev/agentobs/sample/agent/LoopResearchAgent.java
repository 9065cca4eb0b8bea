package dev.agentobs.sample.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Profile;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.api.AgentRunObservation;
import dev.agentobs.sample.SampleProfiles;
import dev.agentobs.sample.llm.ChatMessage;
import dev.agentobs.sample.llm.ChatReply;
import dev.agentobs.sample.llm.ObservedChatModel;
import dev.agentobs.sample.llm.SimulatedChatModel;
import dev.agentobs.sample.llm.ToolCall;
import dev.agentobs.sample.tool.CalculatorTool;
import dev.agentobs.sample.tool.ExpressionEvaluator;
import dev.agentobs.sample.tool.ExpressionException;
import dev.agentobs.sample.tool.SearchResult;
import dev.agentobs.sample.tool.ToolNames;
import dev.agentobs.sample.tool.WebSearchTool;

/**
 * The research agent as the sample writes it itself: a loop of steps, each asking gpt-4o what
 * to do next and doing it, until the model answers. Along the way it searches the web (in
 * parallel, on the tool executor), condenses what it found with gpt-4o-mini, calculates, runs
 * the code the model writes and has its main claim checked by the {@link FactCheckerAgent}.
 * Every one of those is observed through {@link AgentObservations}, which gives the trace
 *
 * <pre>
 * invoke_agent research-agent
 *   step 1 research-agent
 *     chat gpt-4o
 *     execute_tool calculator
 *     execute_tool web_search       (on a tool- thread)
 *       chat gpt-4o-mini
 *   step 2 research-agent
 *     chat gpt-4o
 *     execute_tool fact_check
 *       invoke_agent fact-checker
 *         step 1 fact-checker ...
 *     execute_code python
 *   step 3 research-agent
 *     chat gpt-4o
 * </pre>
 *
 * The {@code spring-ai} profile replaces it with the same agent on Spring AI's
 * {@code ChatClient}.
 *
 * @since 0.1.0
 */
@Component
@Profile("!" + SampleProfiles.SPRING_AI)
public class LoopResearchAgent implements ResearchAgent {

	static final int MAX_STEPS = 6;

	private static final long TOOL_TIMEOUT_SECONDS = 30;

	private static final String SYSTEM_PROMPT = "You are a research assistant. Use web_search to find sources, "
			+ "calculator for arithmetic and fact_check to verify your main claim; you may write Python to compute "
			+ "figures. Answer in a few sentences and name your sources.";

	private static final String SUMMARY_PROMPT = "Condense these search results into the two most relevant "
			+ "sentences, keeping every figure, and list their sources.";

	private static final List<String> TOOLS = List.of(ToolNames.WEB_SEARCH, ToolNames.CALCULATOR,
			ToolNames.FACT_CHECK);

	private final AgentObservations observations;

	private final ObservedChatModel chatModel;

	private final WebSearchTool webSearch;

	private final CalculatorTool calculator;

	private final FactCheckerAgent factChecker;

	private final AsyncTaskExecutor toolExecutor;

	private final Tracer tracer;

	public LoopResearchAgent(AgentObservations observations, ObservedChatModel chatModel, WebSearchTool webSearch,
			CalculatorTool calculator, FactCheckerAgent factChecker,
			@Qualifier(AgentConfiguration.TOOL_EXECUTOR) AsyncTaskExecutor toolExecutor, Tracer tracer) {
		this.observations = observations;
		this.chatModel = chatModel;
		this.webSearch = webSearch;
		this.calculator = calculator;
		this.factChecker = factChecker;
		this.toolExecutor = toolExecutor;
		this.tracer = tracer;
	}

	@Override
	public ResearchResult research(String question, @Nullable String conversationId) {
		return research(question, conversationId, null);
	}

	@Override
	public ResearchResult stream(String question, Consumer<String> answerChunks) {
		return research(question, null, answerChunks);
	}

	private ResearchResult research(String question, @Nullable String conversationId,
			@Nullable Consumer<String> answerChunks) {
		AgentRunObservation run = this.observations.agent(NAME).conversationId(conversationId);
		Conversation conversation = new Conversation(question, answerChunks);
		try {
			String answer = run.observe(() -> {
				conversation.traceId = currentTraceId();
				return answer(conversation);
			});
			return new ResearchResult(answer, run.runId(), conversation.traceId);
		}
		catch (RuntimeException ex) {
			throw new ResearchFailedException(run.runId(), conversation.traceId, ex);
		}
	}

	private String answer(Conversation conversation) {
		for (int step = 1; step <= MAX_STEPS; step++) {
			String answer = this.observations.step(step).observe(() -> step(conversation));
			if (answer != null) {
				return answer;
			}
		}
		throw new IllegalStateException("The model gave no answer within " + MAX_STEPS + " steps");
	}

	private @Nullable String step(Conversation conversation) {
		ChatReply reply = (conversation.answerChunks != null)
				? this.chatModel.stream(SimulatedChatModel.GPT_4O, conversation.messages, TOOLS, conversation.answerChunks)
				: this.chatModel.chat(SimulatedChatModel.GPT_4O, conversation.messages, TOOLS);
		conversation.messages.add(ChatMessage.assistant(reply.content()));
		if (reply.isFinalAnswer()) {
			return reply.content();
		}
		// Searches wait on the network, so they run side by side on the tool executor, which
		// carries this step's observation to its threads: they stay in this run and its trace.
		List<Future<ChatMessage>> searches = new ArrayList<>();
		for (ToolCall call : reply.toolCalls()) {
			if (ToolNames.WEB_SEARCH.equals(call.name())) {
				searches.add(this.toolExecutor.submit(() -> search(call)));
			}
		}
		for (ToolCall call : reply.toolCalls()) {
			if (!ToolNames.WEB_SEARCH.equals(call.name())) {
				conversation.messages.add(ChatMessage.tool(call.name(), call(call)));
			}
		}
		if (reply.code() != null) {
			conversation.messages.add(ChatMessage.tool(SimulatedChatModel.PYTHON, execute(reply.code())));
		}
		for (Future<ChatMessage> search : searches) {
			conversation.messages.add(await(search));
		}
		return null;
	}

	private ChatMessage search(ToolCall call) {
		String notes = this.observations.tool(ToolNames.WEB_SEARCH)
			.callId(call.id())
			.arguments(call.arguments())
			.observe((tool) -> {
				StringBuilder results = new StringBuilder("Search results for: ").append(call.input());
				for (SearchResult result : this.webSearch.search(call.input())) {
					results.append('\n').append(result.toText());
				}
				// The cheap model reads the pages, so that the planner reads two lines instead
				List<ChatMessage> messages = List.of(ChatMessage.system(SUMMARY_PROMPT),
						ChatMessage.user(results.toString()));
				String condensed = this.chatModel.chat(SimulatedChatModel.GPT_4O_MINI, messages, List.of()).content();
				tool.result(condensed);
				return condensed;
			});
		return ChatMessage.tool(ToolNames.WEB_SEARCH, notes);
	}

	/**
	 * Call a tool; its failure is told to the model, as a real agent would, rather than
	 * ending the run.
	 */
	private String call(ToolCall call) {
		try {
			return switch (call.name()) {
				case ToolNames.CALCULATOR -> this.calculator.calculate(call.input());
				case ToolNames.FACT_CHECK -> this.observations.tool(ToolNames.FACT_CHECK)
					.callId(call.id())
					.arguments(call.arguments())
					.observe((tool) -> {
						String verdict = this.factChecker.check(call.input());
						tool.result(verdict);
						return verdict;
					});
				default -> SimulatedChatModel.ERROR + "there is no tool named " + call.name();
			};
		}
		catch (RuntimeException ex) {
			return SimulatedChatModel.ERROR + ex.getMessage();
		}
	}

	private String execute(String code) {
		try {
			return this.observations.codeExecution(SimulatedChatModel.PYTHON).code(code).observe((execution) -> {
				String output = ExpressionEvaluator.evaluateToText(code);
				execution.output(output);
				return output;
			});
		}
		catch (ExpressionException ex) {
			return SimulatedChatModel.ERROR + ex.getMessage();
		}
	}

	private static ChatMessage await(Future<ChatMessage> search) {
		try {
			return search.get(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			return ChatMessage.tool(ToolNames.WEB_SEARCH, SimulatedChatModel.ERROR + ex.getCause().getMessage());
		}
		catch (TimeoutException ex) {
			search.cancel(true);
			return ChatMessage.tool(ToolNames.WEB_SEARCH,
					SimulatedChatModel.ERROR + "no result within " + TOOL_TIMEOUT_SECONDS + " seconds");
		}
		catch (InterruptedException ex) {
			search.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a web search", ex);
		}
	}

	private @Nullable String currentTraceId() {
		Span span = this.tracer.currentSpan();
		return (span != null) ? span.context().traceId() : null;
	}

	/**
	 * What one run has said and learned so far.
	 */
	private static final class Conversation {

		private final List<ChatMessage> messages = new ArrayList<>();

		private final @Nullable Consumer<String> answerChunks;

		private @Nullable String traceId;

		Conversation(String question, @Nullable Consumer<String> answerChunks) {
			this.answerChunks = answerChunks;
			this.messages.add(ChatMessage.system(SYSTEM_PROMPT));
			this.messages.add(ChatMessage.user(question));
		}

	}

}
