package dev.agentobs.internal.bridge.springai;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.util.ClassUtils;

import dev.agentobs.internal.observation.GenAiProviderNames;
import dev.agentobs.internal.observation.NativeTokenUsage;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.TokenUsage;

/**
 * Records every finished Spring AI chat model call, blocking or streaming, as one model call:
 * provider (as the GenAI conventions name it), requested and answering model, input, output
 * tokens, cache reads and writes and reasoning tokens (from the provider's own usage where
 * Spring AI maps none), and the error it failed with, in the agent run it belongs to. A
 * stream is recorded once, when it completes, with the usage of its aggregated response
 * (Spring AI's OpenAI client asks for it with {@code stream_options.include_usage}); a stream
 * of a {@code ChatClient} call also with its chunks as {@link SpringAiStreamAdvisor} timed
 * them, once they have all reached the caller. A call of
 * the tool loop a Spring AI 1.x model runs itself counts its own tokens, not the loop's so far
 * that Spring AI reports. Spring AI makes the call's span itself; the call is recorded without
 * a second one.
 *
 * @since 0.1.0
 */
public class SpringAiChatModelHandler extends SpringAiCallHandler<ChatModelObservationContext, ModelCall.Builder> {

	private static final String UNKNOWN_MODEL = "unknown";

	// Spring AI 1.1's usage has no cache-token counts; the guarded calls are never linked there
	private static final boolean HAS_CACHE_TOKENS = ClassUtils.hasMethod(Usage.class, "getCacheReadInputTokens");

	/**
	 * Create a handler.
	 * @param operations where model calls go: the sinks of every operation, as for
	 * {@code AgentObservations#record}
	 */
	public SpringAiChatModelHandler(AgentOperationSink operations) {
		super(operations);
	}

	@Override
	public void onStart(ChatModelObservationContext context) {
		super.onStart(context);
		SpringAiStreamChunks chunks = SpringAiStreamChunks.claim(context.getParentObservation());
		if (chunks != null) {
			context.put(SpringAiStreamChunks.class, chunks);
		}
	}

	@Override
	void record(ChatModelObservationContext context, ModelCall.Builder call) {
		SpringAiStreamChunks chunks = context.get(SpringAiStreamChunks.class);
		Call started = context.get(Call.class);
		if (chunks == null || started == null) {
			super.record(context, call);
			return;
		}
		chunks.whenEnded(() -> super.record(context, call.stream(chunks.stream(started.startNanos()))));
	}

	@Override
	ModelCall.Builder operation(ChatModelObservationContext context) {
		ChatResponse response = context.getResponse();
		ChatResponseMetadata metadata = (response != null) ? response.getMetadata() : null;
		String responseModel = (metadata != null) ? text(metadata.getModel()) : null;
		ChatOptions options = context.getRequest().getOptions();
		String requestModel = (options != null) ? text(options.getModel()) : null;
		if (requestModel == null) {
			requestModel = (responseModel != null) ? responseModel : UNKNOWN_MODEL;
		}
		String operationType = text(context.getOperationMetadata().operationType());
		ModelCall.Builder call = AgentOperation
			.modelCall(GenAiProviderNames.of(context.getOperationMetadata().provider()), requestModel)
			.operationName((operationType != null) ? operationType : AgentOperation.Kind.MODEL_CALL.defaultOperationName())
			.responseModel(responseModel);
		Usage usage = (metadata != null) ? metadata.getUsage() : null;
		if (usage != null) {
			// The provider's own usage counts what Spring AI does not map (reasoning; cache tokens on 1.1)
			NativeTokenUsage kinds = NativeTokenUsage.of(usage.getNativeUsage());
			long cacheRead = HAS_CACHE_TOKENS ? count(usage.getCacheReadInputTokens()) : 0;
			long cacheWrite = HAS_CACHE_TOKENS ? count(usage.getCacheWriteInputTokens()) : 0;
			cacheRead = valid((cacheRead > 0) ? cacheRead : kinds.cacheRead());
			cacheWrite = valid((cacheWrite > 0) ? cacheWrite : kinds.cacheWrite());
			// Spring AI passes Anthropic's input tokens on as its prompt tokens: the cache is not in them
			SpringAiModelToolLoop.tokens(context, call,
					kinds.inputTokens(count(usage.getPromptTokens()), cacheRead, cacheWrite),
					count(usage.getCompletionTokens()));
			call.cacheReadTokens(cacheRead).cacheWriteTokens(cacheWrite).reasoningTokens(valid(kinds.reasoning()));
		}
		return call;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext;
	}

	private static long count(@Nullable Number tokens) {
		return (tokens != null && tokens.longValue() > 0) ? tokens.longValue() : 0;
	}

	// A count the builder would refuse (above TokenUsage.MAX_TOKENS) is no count
	private static long valid(long tokens) {
		return (tokens <= TokenUsage.MAX_TOKENS) ? tokens : 0;
	}

	private static @Nullable String text(@Nullable String value) {
		return (value != null && !value.isBlank()) ? value : null;
	}

}
