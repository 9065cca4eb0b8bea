package dev.agentobs.api;

import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.agentobs.observation.DefaultModelCallObservationConvention;
import dev.agentobs.observation.ModelCallContext;

/**
 * A model call to observe. Inside the work, report the tokens the provider counted with
 * {@link #tokens(long, long)}.
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
