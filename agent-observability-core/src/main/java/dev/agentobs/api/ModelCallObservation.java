package dev.agentobs.api;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.agentobs.observation.DefaultModelCallObservationConvention;
import dev.agentobs.observation.ModelCallContext;

/**
 * A model call to observe. Inside the work, report the tokens the provider counted with
 * {@link #tokens(long, long)}. A streamed answer read inside the work reports each chunk with
 * {@link #chunk()} (or only the first with {@link #firstChunk()}); one that ends on another
 * thread is observed with {@link #startStream()}.
 *
 * @since 0.1.0
 */
public final class ModelCallObservation extends ObservedOperation<ModelCallObservation, ModelCallContext> {

	static final ModelCallObservation NOOP = new ModelCallObservation(null, null, null);

	ModelCallObservation(@Nullable ObservationRegistry registry, @Nullable ModelCallContext context,
			@Nullable ObservationConvention<ModelCallContext> convention) {
		super(registry, context, convention);
	}

	@Override
	protected ObservationConvention<ModelCallContext> defaultConvention() {
		return DefaultModelCallObservationConvention.INSTANCE;
	}

	/**
	 * Set the GenAI operation when it is not {@code chat}: {@code text_completion},
	 * {@code embeddings}, {@code generate_content}.
	 * @param operationName the operation name; a null or blank one is ignored with a warning
	 * @return this
	 */
	public ModelCallObservation operation(@Nullable String operationName) {
		ModelCallContext context = context();
		if (context != null && InvalidInput.isName(operationName, "operationName")) {
			context.setOperationName(operationName);
		}
		return this;
	}

	/**
	 * Report the tokens the provider counted. A negative count, or one above
	 * {@link dev.agentobs.operation.TokenUsage#MAX_TOKENS}, is ignored with a warning.
	 * @param inputTokens input (prompt) tokens
	 * @param outputTokens output (completion) tokens
	 * @return this
	 */
	public ModelCallObservation tokens(long inputTokens, long outputTokens) {
		ModelCallContext context = context();
		if (context != null) {
			context.setInputTokens(inputTokens);
			context.setOutputTokens(outputTokens);
		}
		return this;
	}

	/**
	 * Report how many of the input tokens the provider served from its prompt cache. A
	 * negative count, or one above {@link dev.agentobs.operation.TokenUsage#MAX_TOKENS}, is
	 * ignored with a warning.
	 * @param cachedInputTokens cached input tokens
	 * @return this
	 */
	public ModelCallObservation cachedInputTokens(long cachedInputTokens) {
		ModelCallContext context = context();
		if (context != null) {
			context.setCachedInputTokens(cachedInputTokens);
		}
		return this;
	}

	/**
	 * Report how many of the input tokens were read from the provider's prompt cache
	 * ({@code gen_ai.usage.cache_read.input_tokens}): the same as
	 * {@link #cachedInputTokens(long)}. A negative count, or one above
	 * {@link dev.agentobs.operation.TokenUsage#MAX_TOKENS}, is ignored with a warning.
	 * @param cacheReadTokens cache read input tokens
	 * @return this
	 */
	public ModelCallObservation cacheReadTokens(long cacheReadTokens) {
		return cachedInputTokens(cacheReadTokens);
	}

	/**
	 * Report how many of the input tokens were written to the provider's prompt cache
	 * ({@code gen_ai.usage.cache_creation.input_tokens}). A negative count, or one above
	 * {@link dev.agentobs.operation.TokenUsage#MAX_TOKENS}, is ignored with a warning.
	 * @param cacheWriteTokens cache write input tokens
	 * @return this
	 */
	public ModelCallObservation cacheWriteTokens(long cacheWriteTokens) {
		ModelCallContext context = context();
		if (context != null) {
			context.setCacheWriteTokens(cacheWriteTokens);
		}
		return this;
	}

	/**
	 * Report how many of the output tokens the model spent reasoning
	 * ({@code gen_ai.usage.reasoning.output_tokens}). A negative count, or one above
	 * {@link dev.agentobs.operation.TokenUsage#MAX_TOKENS}, is ignored with a warning.
	 * @param reasoningTokens reasoning output tokens
	 * @return this
	 */
	public ModelCallObservation reasoningTokens(long reasoningTokens) {
		ModelCallContext context = context();
		if (context != null) {
			context.setReasoningTokens(reasoningTokens);
		}
		return this;
	}

	/**
	 * Note that the answer is streamed ({@code gen_ai.request.stream=true}), before its first
	 * chunk: a stream that fails before any chunk is still counted as streamed.
	 * @return this
	 */
	public ModelCallObservation stream() {
		ModelCallContext context = context();
		if (context != null) {
			context.markStreamed();
		}
		return this;
	}

	/**
	 * Report that the first chunk of a streamed answer arrived, now; later calls are ignored.
	 * This is enough for the time to first chunk; {@link #chunk()} on every chunk also gives
	 * the time per output chunk.
	 * @return this
	 */
	public ModelCallObservation firstChunk() {
		ModelCallContext context = context();
		if (context != null) {
			context.markFirstChunk();
		}
		return this;
	}

	/**
	 * Report one chunk of a streamed answer, now; the first sets the time to first chunk.
	 * @return this
	 */
	public ModelCallObservation chunk() {
		ModelCallContext context = context();
		if (context != null) {
			context.markChunk();
		}
		return this;
	}

	/**
	 * Start the call now, for an answer streamed through callbacks or an iterator that ends
	 * later, on any thread: the returned stream reports the chunks and ends the call.
	 * @return the call in progress; end it with {@link ModelCallStream#complete()},
	 * {@link ModelCallStream#fail(Throwable)} or {@link ModelCallStream#cancel()}
	 */
	public ModelCallStream startStream() {
		ModelCallContext context = context();
		if (context == null) {
			return ModelCallStream.NOOP;
		}
		context.markStreamed();
		Observation observation = startDetached();
		return (observation != null) ? new ModelCallStream(observation, context) : ModelCallStream.NOOP;
	}

	/**
	 * Report the model that answered, when the provider names it.
	 * @param responseModel the response model
	 * @return this
	 */
	public ModelCallObservation responseModel(@Nullable String responseModel) {
		ModelCallContext context = context();
		if (context != null) {
			context.setResponseModel(responseModel);
		}
		return this;
	}

	/**
	 * Give the prompt; it reaches the span only with
	 * {@code monitoring.tracing.capture-content=true}.
	 * @param prompt the prompt
	 * @return this
	 */
	public ModelCallObservation prompt(@Nullable String prompt) {
		ModelCallContext context = context();
		if (context != null) {
			context.setPrompt(prompt);
		}
		return this;
	}

	/**
	 * Give the completion; it reaches the span only with
	 * {@code monitoring.tracing.capture-content=true}.
	 * @param completion the completion
	 * @return this
	 */
	public ModelCallObservation completion(@Nullable String completion) {
		ModelCallContext context = context();
		if (context != null) {
			context.setCompletion(completion);
		}
		return this;
	}

}
