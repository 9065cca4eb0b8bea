package dev.agentobs.sample.agent;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.api.ObservedAgent;
import dev.agentobs.sample.llm.ChatMessage;
import dev.agentobs.sample.llm.ChatReply;
import dev.agentobs.sample.llm.ObservedChatModel;
import dev.agentobs.sample.llm.SimulatedChatModel;
import dev.agentobs.sample.llm.ToolCall;
import dev.agentobs.sample.tool.SearchResult;
import dev.agentobs.sample.tool.ToolNames;
import dev.agentobs.sample.tool.WebSearchTool;

/**
 * A sub-agent that checks one claim against the web, on the cheap model. The research agent
 * calls it as its {@code fact_check} tool; {@link ObservedAgent} makes each call an agent run
 * of its own, {@code invoke_agent fact-checker}, whose span is a child of that tool call's
 * span.
 *
 * @since 0.1.0
 */
@Component
public class FactCheckerAgent {

	/** The agent's name on spans and metrics. */
	public static final String NAME = "fact-checker";

	static final int MAX_STEPS = 3;

	private static final String SYSTEM_PROMPT = "You are a fact checker. Search the web for evidence on the claim "
			+ "you are given, then answer 'supported' or 'disputed' with one reason.";

	private static final List<String> TOOLS = List.of(ToolNames.WEB_SEARCH);

	private final AgentObservations observations;

	private final ObservedChatModel chatModel;

	private final WebSearchTool webSearch;

	public FactCheckerAgent(AgentObservations observations, ObservedChatModel chatModel, WebSearchTool webSearch) {
		this.observations = observations;
		this.chatModel = chatModel;
		this.webSearch = webSearch;
	}

	/**
	 * Check a claim.
	 * @param claim the claim, such as a sentence of a draft answer
	 * @return the verdict: {@code supported: ...} or {@code disputed: ...}
	 */
	@ObservedAgent(NAME)
	public String check(String claim) {
		List<ChatMessage> messages = new ArrayList<>();
		messages.add(ChatMessage.system(SYSTEM_PROMPT));
		messages.add(ChatMessage.user(claim));
		for (int step = 1; step <= MAX_STEPS; step++) {
			String verdict = this.observations.step(step).observe(() -> step(messages));
			if (verdict != null) {
				return verdict;
			}
		}
		return SimulatedChatModel.DISPUTED + ": no conclusion within " + MAX_STEPS + " steps.";
	}

	private @Nullable String step(List<ChatMessage> messages) {
		ChatReply reply = this.chatModel.chat(SimulatedChatModel.GPT_4O_MINI, messages, TOOLS);
		messages.add(ChatMessage.assistant(reply.content()));
		if (reply.isFinalAnswer()) {
			return reply.content();
		}
		for (ToolCall call : reply.toolCalls()) {
			messages.add(ChatMessage.tool(call.name(), search(call)));
		}
		return null;
	}

	private String search(ToolCall call) {
		return this.observations.tool(ToolNames.WEB_SEARCH)
			.callId(call.id())
			.arguments(call.arguments())
			.observe((tool) -> {
				StringBuilder evidence = new StringBuilder();
				for (SearchResult result : this.webSearch.search(call.input())) {
					evidence.append(result.toText()).append('\n');
				}
				tool.result(evidence.toString());
				return evidence.toString();
			});
	}

}
