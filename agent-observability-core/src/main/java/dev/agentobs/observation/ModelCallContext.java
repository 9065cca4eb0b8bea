package dev.agentobs.observation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.stream.ChunkTimes;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.OperationOutcome;
import dev.agentobs.operation.OperationScope;
import dev.agentobs.operation.ResponseStream;
import dev.agentobs.operation.TokenUsage;

/**
 * The context of a model call observation ({@code gen_ai.client.operation}).
 *
 * @since 0.1.0
 */
public class ModelCallContext extends AgentObservationContext {

	private static final AtomicReferenceFieldUpdater<ModelCallContext, @Nullable ChunkTimes> CHUNKS = AtomicReferenceFieldUpdater
		.newUpdater(ModelCallContext.class, ChunkTimes.class, "chunks");

	private final String providerName;

	private final String requestModel;

	private String operationName = AgentOperation.Kind.MODEL_CALL.defaultOperationName();

	private @Nullable String responseModel;

	private long inputTokens;

	private long outputTokens;

	private long cachedInputTokens;

	private long cacheWriteTokens;

	private long reasoningTokens;

	private @Nullable String prompt;

	private @Nullable String completion;

	// Set once the answer is streamed (its chunks may arrive on another thread than the one
	// that started or stops the call), noted as times since the start of the call; no object
	// for a call that does not stream
	private volatile @Nullable ChunkTimes chunks;

	public ModelCallContext(String providerName, String requestModel) {
		super(AgentOperation.Kind.MODEL_CALL);
		this.providerName = nameOrUnknown(providerName);
		this.requestModel = nameOrUnknown(requestModel);
	}

	@Override
	protected AgentOperation operation(OperationScope scope, OperationOutcome outcome) {
		return new ModelCall(this.operationName, this.providerName, this.requestModel, this.responseModel,
				TokenUsage.of(this.inputTokens, this.outputTokens, this.cachedInputTokens, this.cacheWriteTokens,
						this.reasoningTokens),
				responseStream(), scope, outcome);
	}

	private @Nullable ResponseStream responseStream() {
		ChunkTimes chunks = this.chunks;
		return (chunks != null) ? chunks.since(0) : null;
	}

	private ChunkTimes streamedChunks() {
		ChunkTimes chunks = this.chunks;
		if (chunks == null) {
			chunks = new ChunkTimes();
			if (!CHUNKS.compareAndSet(this, null, chunks)) {
				chunks = this.chunks;
			}
		}
		return chunks;
	}

	/**
	 * Note that the answer is streamed ({@code gen_ai.request.stream}), before any chunk came.
	 */
	public void markStreamed() {
		streamedChunks();
	}

	/**
	 * Note one chunk of a streamed answer, now: the first sets the time to first chunk.
	 */
	public void markChunk() {
		streamedChunks().chunk(nanosSinceStart(System.nanoTime()));
	}

	/**
	 * Note the first chunk of a streamed answer, now, unless it came already.
	 */
	public void markFirstChunk() {
		ChunkTimes chunks = this.chunks;
		if (chunks == null || chunks.count() == 0) {
			markChunk();
		}
	}

	/**
	 * Whether the answer is streamed.
	 * @return {@code true} once streamed or a chunk was noted
	 */
	public boolean isStreamed() {
		return this.chunks != null;
	}

	/**
	 * The chunks noted so far, for a convention or handler that reads the call while it streams.
	 * @return the chunk count
	 */
	public long getChunks() {
		ChunkTimes chunks = this.chunks;
		return (chunks != null) ? chunks.count() : 0;
	}

	/**
	 * The time from the start of the call to its first chunk.
	 * @return the time, or {@code null} before the first chunk
	 */
	public @Nullable Duration getTimeToFirstChunk() {
		ChunkTimes chunks = this.chunks;
		return (chunks != null) ? chunks.timeToFirst(0) : null;
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

	public long getCacheWriteTokens() {
		return this.cacheWriteTokens;
	}

	/**
	 * Set the input tokens written to the provider's prompt cache; a negative count, or one
	 * above {@link TokenUsage#MAX_TOKENS}, is ignored with a warning.
	 * @param cacheWriteTokens cache write input tokens
	 */
	public void setCacheWriteTokens(long cacheWriteTokens) {
		if (isTokenCount(cacheWriteTokens, "cache write")) {
			this.cacheWriteTokens = cacheWriteTokens;
		}
	}

	public long getReasoningTokens() {
		return this.reasoningTokens;
	}

	/**
	 * Set the output tokens the model spent reasoning; a negative count, or one above
	 * {@link TokenUsage#MAX_TOKENS}, is ignored with a warning.
	 * @param reasoningTokens reasoning output tokens
	 */
	public void setReasoningTokens(long reasoningTokens) {
		if (isTokenCount(reasoningTokens, "reasoning")) {
			this.reasoningTokens = reasoningTokens;
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
