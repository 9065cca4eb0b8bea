package dev.agentobs.observation;

import org.jspecify.annotations.Nullable;

import dev.agentobs.api.AgentOperation;

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
		this.providerName = providerName;
		this.requestModel = requestModel;
	}

	@Override
	protected AgentOperation.Builder operationBuilder() {
		return AgentOperation.modelCall(this.providerName, this.requestModel)
			.operationName(this.operationName)
			.responseModel(this.responseModel)
			.tokens(this.inputTokens, this.outputTokens)
			.cachedInputTokens(this.cachedInputTokens);
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

	public void setOperationName(String operationName) {
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

	public void setInputTokens(long inputTokens) {
		this.inputTokens = inputTokens;
	}

	public long getOutputTokens() {
		return this.outputTokens;
	}

	public void setOutputTokens(long outputTokens) {
		this.outputTokens = outputTokens;
	}

	public long getCachedInputTokens() {
		return this.cachedInputTokens;
	}

	public void setCachedInputTokens(long cachedInputTokens) {
		this.cachedInputTokens = cachedInputTokens;
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
