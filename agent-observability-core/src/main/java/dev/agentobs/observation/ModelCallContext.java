package dev.agentobs.observation;

import org.jspecify.annotations.Nullable;

import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.OperationOutcome;
import dev.agentobs.operation.OperationScope;
import dev.agentobs.operation.TokenUsage;

/**
 * The context of a model call observation ({@code gen_ai.client.operation}).
 *
 * @since 0.1.0
 */
public class ModelCallContext extends AgentObservationContext {

	private final String providerName;

	private final String requestModel;

	private String operationName = AgentOperation.Kind.MODEL_CALL.defaultOperationName();

	private @Nullable String responseModel;

	private long inputTokens;

	private long outputTokens;

	private long cachedInputTokens;

	private @Nullable String prompt;

	private @Nullable String completion;

	public ModelCallContext(String providerName, String requestModel) {
		super(AgentOperation.Kind.MODEL_CALL);
		this.providerName = nameOrUnknown(providerName);
		this.requestModel = nameOrUnknown(requestModel);
	}

	@Override
	protected AgentOperation operation(OperationScope scope, OperationOutcome outcome) {
		return new ModelCall(this.operationName, this.providerName, this.requestModel, this.responseModel,
				TokenUsage.of(this.inputTokens, this.outputTokens, this.cachedInputTokens), scope, outcome);
	}

	public String getProviderName() {
		return this.providerName;
	}

	public String getRequestModel() {
		return this.requestModel;
	}

	/**
	 * The GenAI operation: {@code chat} unless set otherwise.
	 * @return the operation name
	 */
	public String getOperationName() {
		return this.operationName;
	}

	/**
	 * Set the GenAI operation; a blank one is ignored with a warning.
	 * @param operationName the operation name, such as {@code embeddings}
	 */
	public void setOperationName(@Nullable String operationName) {
		if (operationName == null || operationName.isBlank()) {
			ignored("operationName", "operation name " + quote(operationName) + " for model " + this.requestModel
					+ ": an operation name must not be blank; it stays " + this.operationName);
			return;
		}
		this.operationName = operationName;
	}

	public @Nullable String getResponseModel() {
		return this.responseModel;
	}

	public void setResponseModel(@Nullable String responseModel) {
		this.responseModel = responseModel;
	}

	public long getInputTokens() {
		return this.inputTokens;
	}

	/**
	 * Set the input tokens; a negative count, or one above {@link TokenUsage#MAX_TOKENS}, is
	 * ignored with a warning.
	 * @param inputTokens input tokens, cached ones included
	 */
	public void setInputTokens(long inputTokens) {
		if (isTokenCount(inputTokens, "input")) {
			this.inputTokens = inputTokens;
		}
	}

	public long getOutputTokens() {
		return this.outputTokens;
	}

	/**
	 * Set the output tokens; a negative count, or one above {@link TokenUsage#MAX_TOKENS}, is
	 * ignored with a warning.
	 * @param outputTokens output tokens
	 */
	public void setOutputTokens(long outputTokens) {
		if (isTokenCount(outputTokens, "output")) {
			this.outputTokens = outputTokens;
		}
	}

	public long getCachedInputTokens() {
		return this.cachedInputTokens;
	}

	/**
	 * Set the input tokens served from the provider's prompt cache; a negative count, or one
	 * above {@link TokenUsage#MAX_TOKENS}, is ignored with a
	 * warning.
	 * @param cachedInputTokens cached input tokens
	 */
	public void setCachedInputTokens(long cachedInputTokens) {
		if (isTokenCount(cachedInputTokens, "cached input")) {
			this.cachedInputTokens = cachedInputTokens;
		}
	}

	private boolean isTokenCount(long tokens, String type) {
		if (tokens < 0 || tokens > TokenUsage.MAX_TOKENS) {
			ignored("tokens", type + " tokens " + tokens + " for model " + this.requestModel
					+ ": token counts must be 0 to " + TokenUsage.MAX_TOKENS);
			return false;
		}
		return true;
	}

	/**
	 * The prompt, kept only to be put on the span when content capture is on.
	 * @return the prompt or {@code null}
	 */
	public @Nullable String getPrompt() {
		return this.prompt;
	}

	public void setPrompt(@Nullable String prompt) {
		this.prompt = prompt;
	}

	/**
	 * The completion, kept only to be put on the span when content capture is on.
	 * @return the completion or {@code null}
	 */
	public @Nullable String getCompletion() {
		return this.completion;
	}

	public void setCompletion(@Nullable String completion) {
		this.completion = completion;
	}

}
