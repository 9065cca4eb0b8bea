package dev.agentobs.test.app;

import org.springframework.stereotype.Service;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.api.AgentRunObservation;

/**
 * Answers a question in three steps: plan with {@code gpt-4o}, search the web, answer with
 * {@code gpt-4o}. The model and the search are stand-ins; what matters is what is observed.
 * A question about something "offline" makes the search fail, and the agent answers anyway.
 */
@Service
public class ResearchAgent {

	/** Input tokens of the planning call. */
	public static final long PLAN_INPUT_TOKENS = 120;

	/** Output tokens of the planning call. */
	public static final long PLAN_OUTPUT_TOKENS = 30;

	/** Input tokens of the answering call. */
	public static final long ANSWER_INPUT_TOKENS = 200;

	/** Output tokens of the answering call. */
	public static final long ANSWER_OUTPUT_TOKENS = 60;

	private final AgentObservations observations;

	public ResearchAgent(AgentObservations observations) {
		this.observations = observations;
	}

	public Answer answer(String question) {
		AgentRunObservation run = this.observations.agent("research-agent").conversationId("conversation-1");
		String text = run.observe(() -> {
			String plan = this.observations.step(1)
				.observe(() -> chat("Plan a search for: " + question, PLAN_INPUT_TOKENS, PLAN_OUTPUT_TOKENS));
			String found = this.observations.step(2).observe(() -> search(plan));
			return this.observations.step(3)
				.observe(() -> chat("Answer from: " + found, ANSWER_INPUT_TOKENS, ANSWER_OUTPUT_TOKENS));
		});
		return new Answer(text, run.runId());
	}

	private String chat(String prompt, long inputTokens, long outputTokens) {
		return this.observations.model("openai", "gpt-4o").observe((call) -> {
			call.tokens(inputTokens, outputTokens);
			return "reply to " + prompt;
		});
	}

	private String search(String query) {
		try {
			return this.observations.tool("web_search").observe(() -> {
				if (query.contains("offline")) {
					throw new IllegalStateException("search backend offline");
				}
				return "results for " + query;
			});
		}
		catch (IllegalStateException ex) {
			return "nothing found";
		}
	}

	/**
	 * The agent's answer.
	 *
	 * @param text the answer
	 * @param runId the id of the run that answered
	 */
	public record Answer(String text, String runId) {
	}

}
