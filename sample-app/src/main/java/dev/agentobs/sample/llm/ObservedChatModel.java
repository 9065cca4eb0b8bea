package dev.agentobs.sample.llm;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.agentobs.api.AgentObservations;

/**
 * The chat model as the agents call it: each call observed as a model call (the span
 * {@code chat gpt-4o}, the {@code gen_ai_client_*} metrics) with the tokens and the model the
 * provider reported, and tried once more when the provider fails in a way worth a retry. Each
 * attempt is a model call of its own, so failed attempts show in the error rate even when the
 * retry succeeds.
 *
 * @since 0.1.0
 */
@Component
public class ObservedChatModel {

	private static final Logger logger = LoggerFactory.getLogger(ObservedChatModel.class);

	private final AgentObservations observations;

	private final SimulatedChatModel model;

	public ObservedChatModel(AgentObservations observations, SimulatedChatModel model) {
		this.observations = observations;
		this.model = model;
	}

	/**
	 * Ask a model.
	 * @param model the model, such as {@code gpt-4o}
	 * @param messages the conversation so far
	 * @param tools the tools the model may call
	 * @return the reply
	 * @throws ModelException when the provider fails twice, or once in a way a retry would
	 * not help
	 */
	public ChatReply chat(String model, List<ChatMessage> messages, List<String> tools) {
		return chat(model, messages, tools, null);
	}

	/**
	 * Ask a model for a streamed reply: the call's time to first chunk and time per output
	 * chunk are measured, and the chunks of a final answer are handed on as they come.
	 * @param model the model, such as {@code gpt-4o}
	 * @param messages the conversation so far
	 * @param tools the tools the model may call
	 * @param answerChunks what takes each chunk of the reply when it is the final answer
	 * @return the reply
	 * @throws ModelException as {@link #chat(String, List, List)}
	 */
	public ChatReply stream(String model, List<ChatMessage> messages, List<String> tools,
			Consumer<String> answerChunks) {
		return chat(model, messages, tools, answerChunks);
	}

	private ChatReply chat(String model, List<ChatMessage> messages, List<String> tools,
			@Nullable Consumer<String> answerChunks) {
		ChatRequest request = new ChatRequest(model, messages, tools);
		try {
			return call(request, answerChunks);
		}
		catch (ModelException ex) {
			if (!ex.isRetryable()) {
				throw ex;
			}
			logger.info("Retrying {} once: {}", model, ex.getMessage());
			waitBeforeRetry(ex);
			return call(request, answerChunks);
		}
	}

	private ChatReply call(ChatRequest request, @Nullable Consumer<String> answerChunks) {
		return this.observations.model(SimulatedChatModel.PROVIDER, request.model())
			.prompt(request.prompt())
			.observe((call) -> {
				ChatReply reply = this.model.chat(request);
				if (answerChunks != null) {
					// The simulated provider thinks for its latency, then streams the reply word by word
					call.stream();
					List<String> chunks = SimulatedChatModel.chunks(reply.content());
					for (int i = 0; i < chunks.size(); i++) {
						if (i > 0) {
							SimulatedChatModel.pauseBetweenChunks();
						}
						call.chunk();
						if (reply.isFinalAnswer()) {
							answerChunks.accept(chunks.get(i));
						}
					}
				}
				call.responseModel(reply.responseModel())
					.tokens(reply.inputTokens(), reply.outputTokens())
					.cacheReadTokens(reply.cacheReadTokens())
					.reasoningTokens(reply.reasoningTokens())
					.completion(reply.content());
				return reply;
			});
	}

	private static void waitBeforeRetry(ModelException ex) {
		Duration wait = (ex instanceof RateLimitException rateLimit) ? rateLimit.getRetryAfter() : Duration.ZERO;
		if (wait.isZero() || wait.isNegative()) {
			return;
		}
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw ex;
		}
	}

}
