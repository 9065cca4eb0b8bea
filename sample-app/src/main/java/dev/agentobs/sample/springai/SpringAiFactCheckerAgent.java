package dev.agentobs.sample.springai;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import dev.agentobs.internal.bridge.springai.SpringAiChatClientHandler;
import dev.agentobs.sample.SampleProfiles;
import dev.agentobs.sample.agent.FactCheckerAgent;
import dev.agentobs.sample.llm.SimulatedChatModel;
import dev.agentobs.sample.tool.ToolNames;

/**
 * The fact checker on Spring AI, offered to the research agent as its {@code fact_check}
 * tool. Each check is a {@code ChatClient} call of its own, on the cheap model with the web
 * search as its only tool, named {@value FactCheckerAgent#NAME}: the bridge records it as a
 * sub-agent run inside the tool call that asked for it, in the same conversation.
 *
 * @since 0.1.0
 */
@Component
@Profile(SampleProfiles.SPRING_AI)
public class SpringAiFactCheckerAgent {

	private static final String SYSTEM_PROMPT = "You are a fact checker. Search the web for evidence on the claim "
			+ "you are given, then answer 'supported' or 'disputed' with one reason.";

	private final ChatClient chatClient;

	private final SpringAiWebSearchTool webSearch;

	public SpringAiFactCheckerAgent(ChatClient.Builder chatClientBuilder, SpringAiWebSearchTool webSearch) {
		this.chatClient = chatClientBuilder.build();
		this.webSearch = webSearch;
	}

	/**
	 * Check a claim.
	 * @param claim the claim, such as a sentence of a draft answer
	 * @return the verdict: {@code supported: ...} or {@code disputed: ...}
	 */
	@Tool(name = ToolNames.FACT_CHECK, description = "Ask the fact checker whether a claim holds")
	public String check(@ToolParam(description = "The claim to check, one sentence") String claim) {
		return this.chatClient.prompt()
			.system(SYSTEM_PROMPT)
			.user(claim)
			.options(ChatOptions.builder().model(SimulatedChatModel.GPT_4O_MINI))
			.tools(this.webSearch)
			.advisors((advisors) -> advisors.param(SpringAiChatClientHandler.AGENT_NAME_PARAM, FactCheckerAgent.NAME))
			.call()
			.content();
	}

}
