package dev.agentobs.internal.bridge.langchain4j;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.agentobs.internal.observation.NativeTokenUsage;
import dev.agentobs.observation.AgentObservationDocumentation;
import dev.agentobs.observation.DefaultModelCallObservationConvention;
import dev.agentobs.observation.ModelCallContext;

/**
 * Observes every call of a LangChain4j chat model, blocking or streaming, as a model call:
 * one span, the model-call meters, and one operation for every sink, with the provider (as
 * the GenAI conventions name it), requested and answering model, tokens and error. A call
 * made by an AI service observed by {@link LangChain4jAiServiceObserver}, or inside an agent
 * run observed through {@code AgentObservations}, belongs to that run.
 * <p>
 * LangChain4j's Spring Boot starters give every {@code ChatModelListener} bean to the models
 * they create; a model built by hand takes it through its builder's {@code listeners(...)}.
 * LangChain4j tells listeners nothing of a stream's chunks: a streaming model gets its time
 * to first chunk and time per output chunk once {@link #timingChunks(StreamingChatModel)}
 * wraps it, which {@link LangChain4jAiServiceObserver} does for the models of the AI services
 * it observes.
 *
 * @since 0.1.0
 */
public class LangChain4jChatModelListener implements ChatModelListener {

	private static final String UNKNOWN_MODEL = "unknown";

	private final ObservationRegistry registry;

	/**
	 * Create a listener.
	 * @param registry the registry model calls are observed in
	 */
	public LangChain4jChatModelListener(ObservationRegistry registry) {
		Assert.notNull(registry, "registry must not be null");
		this.registry = registry;
	}

	/**
	 * A streaming chat model whose calls observed by this listener also get their chunks: the
	 * time to first chunk ({@code gen_ai.client.operation.time_to_first_chunk}) and the time per
	 * output chunk. Each partial response, thinking or tool call the model streams is a chunk.
	 * <pre class="code">
	 * StreamingChatModel model = LangChain4jChatModelListener.timingChunks(OpenAiStreamingChatModel.builder()
	 *     .modelName("gpt-4o")
	 *     .listeners(List.of(chatModelListener))
	 *     .build());
	 * </pre>
	 * @param model the model, with this listener among its listeners
	 * @return the model, timing its chunks (the same model when it does already)
	 */
	public static StreamingChatModel timingChunks(StreamingChatModel model) {
		Assert.notNull(model, "model must not be null");
		return ChunkTimedStreamingChatModel.of(model);
	}

	@Override
	public void onRequest(ChatModelRequestContext requestContext) {
		if (this.registry.isNoop()) {
			return;
		}
		String model = requestContext.chatRequest().modelName();
		ModelCallContext context = new ModelCallContext(LangChain4jProviders.semconvName(requestContext.modelProvider()),
				(model != null && !model.isBlank()) ? model : UNKNOWN_MODEL);
		Observation observation = CurrentOperation.start(AgentObservationDocumentation.MODEL_CALL,
				DefaultModelCallObservationConvention.INSTANCE, context, CurrentOperation.parent(this.registry),
				this.registry);
		requestContext.attributes().put(LangChain4jChatModelListener.class, observation);
		ChunkTimedStreamingChatModel.requested(context);
	}

	@Override
	public void onResponse(ChatModelResponseContext responseContext) {
		Observation observation = observation(responseContext.attributes().remove(LangChain4jChatModelListener.class));
		if (observation == null) {
			return;
		}
		ModelCallContext context = (ModelCallContext) observation.getContext();
		ChunkTimedStreamingChatModel.ended(context);
		ChatResponse response = responseContext.chatResponse();
		String responseModel = response.modelName();
		if (responseModel != null && !responseModel.isBlank()) {
			context.setResponseModel(responseModel);
		}
		TokenUsage usage = response.tokenUsage();
		if (usage != null) {
			// OpenAI's and Anthropic's token usage subclasses count the kinds within input and output
			NativeTokenUsage kinds = NativeTokenUsage.of(usage);
			// Anthropic's input token count leaves the cache out
			context.setInputTokens(kinds.inputTokens(count(usage.inputTokenCount()), kinds.cacheRead(), kinds.cacheWrite()));
			context.setOutputTokens(count(usage.outputTokenCount()));
			if (kinds != NativeTokenUsage.NONE) {
				context.setCachedInputTokens(kinds.cacheRead());
				context.setCacheWriteTokens(kinds.cacheWrite());
				context.setReasoningTokens(kinds.reasoning());
			}
		}
		observation.stop();
	}

	@Override
	public void onError(ChatModelErrorContext errorContext) {
		Observation observation = observation(errorContext.attributes().remove(LangChain4jChatModelListener.class));
		if (observation != null) {
			ChunkTimedStreamingChatModel.ended((ModelCallContext) observation.getContext());
			observation.error(errorContext.error());
			observation.stop();
		}
	}

	private static @Nullable Observation observation(@Nullable Object attribute) {
		return (attribute instanceof Observation observation) ? observation : null;
	}

	private static long count(@Nullable Integer tokens) {
		return (tokens != null && tokens > 0) ? tokens : 0;
	}

}
