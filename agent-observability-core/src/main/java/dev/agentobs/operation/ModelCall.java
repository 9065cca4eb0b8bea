package dev.agentobs.operation;

import org.jspecify.annotations.Nullable;

/**
 * A finished call to a model (LLM).
 *
 * @param operationName the {@code gen_ai.operation.name}: {@code chat} unless the call was a
 * {@code text_completion}, {@code embeddings}, ...
 * @param providerName the provider as the GenAI conventions name it, such as {@code openai}
 * @param requestModel the model asked for, such as {@code gpt-4o}
 * @param responseModel the model that answered, when the provider said
 * @param tokens the tokens the provider counted
 * @param stream how the answer streamed in, or {@code null} when it was not streamed
 * @param scope where it ran
 * @param outcome how it ended
 * @since 0.1.0
 */
public record ModelCall(String operationName, String providerName, String requestModel,
		@Nullable String responseModel, TokenUsage tokens, @Nullable ResponseStream stream, OperationScope scope,
		OperationOutcome outcome) implements AgentOperation {

	public ModelCall {
		operationName = OperationChecks.requireName(operationName, "operationName");
		providerName = OperationChecks.requireName(providerName, "providerName");
		requestModel = OperationChecks.requireName(requestModel, "requestModel");
		responseModel = OperationChecks.cut(responseModel);
		OperationChecks.requireNonNull(tokens, "tokens");
		OperationChecks.requireNonNull(scope, "scope");
		OperationChecks.requireNonNull(outcome, "outcome");
	}

	/**
	 * A call whose answer was not streamed.
	 * @param operationName the {@code gen_ai.operation.name}
	 * @param providerName the provider
	 * @param requestModel the model asked for
	 * @param responseModel the model that answered, when the provider said
	 * @param tokens the tokens the provider counted
	 * @param scope where it ran
	 * @param outcome how it ended
	 */
	public ModelCall(String operationName, String providerName, String requestModel, @Nullable String responseModel,
			TokenUsage tokens, OperationScope scope, OperationOutcome outcome) {
		this(operationName, providerName, requestModel, responseModel, tokens, null, scope, outcome);
	}

	/**
	 * Whether the answer was streamed ({@code gen_ai.request.stream}).
	 * @return {@code true} when it was
	 */
	public boolean streamed() {
		return this.stream != null;
	}

	@Override
	public Kind kind() {
		return Kind.MODEL_CALL;
	}

	@Override
	public String name() {
		return this.requestModel;
	}

	/**
	 * Builds a {@link ModelCall}: {@link AgentOperation#modelCall(String, String)}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder extends OperationBuilder<Builder, ModelCall> {

		private final String providerName;

		private final String requestModel;

		private String operationName = Kind.MODEL_CALL.defaultOperationName();

		private @Nullable String responseModel;

		private long inputTokens;

		private long outputTokens;

		private long cachedInputTokens;

		private long cacheWriteTokens;

		private long reasoningTokens;

		private @Nullable ResponseStream stream;

		Builder(String providerName, String requestModel) {
			super(null);
			this.providerName = OperationChecks.requireText(providerName, "providerName");
			this.requestModel = OperationChecks.requireText(requestModel, "requestModel");
		}

		/**
		 * Set the {@code gen_ai.operation.name} when it is not {@code chat}, such as
		 * {@code text_completion} or {@code embeddings}.
		 * @param operationName the operation name
		 * @return this builder
		 */
		public Builder operationName(String operationName) {
			this.operationName = OperationChecks.requireText(operationName, "operationName");
			return this;
		}

		/**
		 * Set the model that answered.
		 * @param responseModel the response model
		 * @return this builder
		 */
		public Builder responseModel(@Nullable String responseModel) {
			this.responseModel = responseModel;
			return this;
		}

		/**
		 * Set the tokens the call used.
		 * @param inputTokens input tokens, 0 to {@link TokenUsage#MAX_TOKENS}
		 * @param outputTokens output tokens, 0 to {@link TokenUsage#MAX_TOKENS}
		 * @return this builder
		 */
		public Builder tokens(long inputTokens, long outputTokens) {
			this.inputTokens = OperationChecks.requireCount(inputTokens, "inputTokens");
			this.outputTokens = OperationChecks.requireCount(outputTokens, "outputTokens");
			return this;
		}

		/**
		 * Set how many of the input tokens came from the provider's prompt cache.
		 * @param cachedInputTokens cached input tokens, 0 to {@link TokenUsage#MAX_TOKENS}
		 * @return this builder
		 */
		public Builder cachedInputTokens(long cachedInputTokens) {
			this.cachedInputTokens = OperationChecks.requireCount(cachedInputTokens, "cachedInputTokens");
			return this;
		}

		/**
		 * Set how many of the input tokens were read from the provider's prompt cache: the
		 * same as {@link #cachedInputTokens(long)}.
		 * @param cacheReadTokens cache read input tokens, 0 to {@link TokenUsage#MAX_TOKENS}
		 * @return this builder
		 */
		public Builder cacheReadTokens(long cacheReadTokens) {
			return cachedInputTokens(cacheReadTokens);
		}

		/**
		 * Set how many of the input tokens were written to the provider's prompt cache.
		 * @param cacheWriteTokens cache write input tokens, 0 to {@link TokenUsage#MAX_TOKENS}
		 * @return this builder
		 */
		public Builder cacheWriteTokens(long cacheWriteTokens) {
			this.cacheWriteTokens = OperationChecks.requireCount(cacheWriteTokens, "cacheWriteTokens");
			return this;
		}

		/**
		 * Set how many of the output tokens the model spent reasoning.
		 * @param reasoningTokens reasoning output tokens, 0 to {@link TokenUsage#MAX_TOKENS}
		 * @return this builder
		 */
		public Builder reasoningTokens(long reasoningTokens) {
			this.reasoningTokens = OperationChecks.requireCount(reasoningTokens, "reasoningTokens");
			return this;
		}

		/**
		 * Set how the answer streamed in: the call was streamed.
		 * @param stream its chunks and their times, {@link ResponseStream#NO_CHUNKS} when it
		 * ended before the first
		 * @return this builder
		 */
		public Builder stream(ResponseStream stream) {
			this.stream = OperationChecks.requireNonNull(stream, "stream");
			return this;
		}

		@Override
		public ModelCall build() {
			return new ModelCall(this.operationName, this.providerName, this.requestModel, this.responseModel,
					TokenUsage.of(this.inputTokens, this.outputTokens, this.cachedInputTokens, this.cacheWriteTokens,
							this.reasoningTokens),
					this.stream, scope(), outcome());
		}

	}

}
