package dev.agentobs.sample.agent;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The research agent behind {@code POST /api/research} and the background traffic: the
 * sample's own loop ({@link LoopResearchAgent}) or, with the {@code spring-ai} profile, the
 * same agent on Spring AI's {@code ChatClient}. Either way its runs are the runs of
 * {@value #NAME} on metrics, spans, statistics and health.
 *
 * @since 0.1.0
 */
public interface ResearchAgent {

	/** The agent's name on spans and metrics. */
	String NAME = "research-agent";

	/**
	 * Research a question.
	 * @param question the question
	 * @param conversationId the conversation the question belongs to, {@code null} for none
	 * @return the answer, with the ids of the run and its trace
	 * @throws ResearchFailedException when the run ends without an answer, such as when the
	 * model provider keeps failing
	 */
	ResearchResult research(String question, @Nullable String conversationId);

	/**
	 * Research a question and stream the answer: the model's calls are streamed, and the
	 * chunks of its final answer are handed on as they come.
	 * @param question the question
	 * @param answerChunks what takes each chunk of the answer
	 * @return the whole answer, with the ids of the run and its trace
	 * @throws ResearchFailedException as {@link #research(String, String)}
	 */
	ResearchResult stream(String question, Consumer<String> answerChunks);

}
