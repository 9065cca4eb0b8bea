package dev.agentobs.api;

import java.util.Iterator;
import java.util.function.Consumer;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import dev.agentobs.observation.ModelCallContext;

/**
 * A streamed model call in progress, for answers that arrive through callbacks or an iterator
 * and end on another thread than the one that started them: report each chunk with
 * {@link #chunk()}, the usage once it is known, then end it with {@link #complete()} or
 * {@link #fail(Throwable)}. Started by {@link ModelCallObservation#startStream()}.
 * <pre>{@code
 * ModelCallStream stream = observations.model("openai", "gpt-4o").startStream();
 * client.stream(request, new Handler() {
 *     public void onChunk(String text) { stream.chunk(); }
 *     public void onUsage(long in, long out) { stream.tokens(in, out); }
 *     public void onComplete() { stream.complete(); }
 *     public void onError(Throwable error) { stream.fail(error); }
 * });
 * }</pre>
 * Code run through {@link #run(Runnable)} runs inside the call's observation (its span and
 * its agent run), whatever thread it is on. The call ends once: later ends are ignored.
 *
 * @since 0.1.0
 */
public final class ModelCallStream {

	static final ModelCallStream NOOP = new ModelCallStream(null, null);

	/** The error type of a stream its consumer stopped reading. */
	static final String CANCELLED = "cancelled";

	private final @Nullable Observation observation;

	private final @Nullable ModelCallContext context;

	private volatile boolean ended;

	ModelCallStream(@Nullable Observation observation, @Nullable ModelCallContext context) {
		this.observation = observation;
		this.context = context;
	}

	/**
	 * The call's observation, to carry into the Reactor context.
	 * @return the observation, or {@code null} when nothing is observed
	 */
	@Nullable Observation observation() {
		return this.observation;
	}

	/**
	 * Report one chunk of the answer; the first sets the time to first chunk.
	 * @return this
	 */
	public ModelCallStream chunk() {
		ModelCallContext context = this.context;
		if (context != null && !this.ended) {
			context.markChunk();
		}
		return this;
	}

	/**
	 * Report the tokens the provider counted, usually in the stream's last chunk.
	 * @param inputTokens input (prompt) tokens
	 * @param outputTokens output (completion) tokens
	 * @return this
	 * @see ModelCallObservation#tokens(long, long)
	 */
	public ModelCallStream tokens(long inputTokens, long outputTokens) {
		ModelCallContext context = this.context;
		if (context != null) {
			context.setInputTokens(inputTokens);
			context.setOutputTokens(outputTokens);
		}
		return this;
	}

	/**
	 * Report how many of the input tokens came from the provider's prompt cache.
	 * @param cachedInputTokens cached input tokens
	 * @return this
	 * @see ModelCallObservation#cachedInputTokens(long)
	 */
	public ModelCallStream cachedInputTokens(long cachedInputTokens) {
		ModelCallContext context = this.context;
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
	public ModelCallStream cacheReadTokens(long cacheReadTokens) {
		return cachedInputTokens(cacheReadTokens);
	}

	/**
	 * Report how many of the input tokens were written to the provider's prompt cache
	 * ({@code gen_ai.usage.cache_creation.input_tokens}). A negative count, or one above
	 * {@link dev.agentobs.operation.TokenUsage#MAX_TOKENS}, is ignored with a warning.
	 * @param cacheWriteTokens cache write input tokens
	 * @return this
	 */
	public ModelCallStream cacheWriteTokens(long cacheWriteTokens) {
		ModelCallContext context = this.context;
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
	public ModelCallStream reasoningTokens(long reasoningTokens) {
		ModelCallContext context = this.context;
		if (context != null) {
			context.setReasoningTokens(reasoningTokens);
		}
		return this;
	}

	/**
	 * Report the model that answered.
	 * @param responseModel the response model
	 * @return this
	 */
	public ModelCallStream responseModel(@Nullable String responseModel) {
		ModelCallContext context = this.context;
		if (context != null) {
			context.setResponseModel(responseModel);
		}
		return this;
	}

	/**
	 * Give the whole completion once streamed; it reaches the span only with
	 * {@code monitoring.tracing.capture-content=true}.
	 * @param completion the completion
	 * @return this
	 */
	public ModelCallStream completion(@Nullable String completion) {
		ModelCallContext context = this.context;
		if (context != null) {
			context.setCompletion(completion);
		}
		return this;
	}

	/**
	 * Run code inside the call's observation, on whatever thread the stream calls back on:
	 * operations and log lines of the code belong to the call and its agent run.
	 * @param work the work
	 */
	public void run(Runnable work) {
		Observation observation = this.observation;
		if (observation == null || this.ended) {
			work.run();
			return;
		}
		try (Observation.Scope scope = observation.openScope()) {
			work.run();
		}
	}

	/**
	 * Observe an iterator of chunks: each element it returns is a chunk, and the call completes
	 * when it has no more or fails when it throws.
	 * @param <T> the chunk type
	 * @param chunks the chunks
	 * @return an iterator over the same chunks
	 */
	public <T> Iterator<T> observe(Iterator<T> chunks) {
		return (this.context != null) ? new ObservedIterator<>(chunks, this) : chunks;
	}

	/**
	 * End the call: its answer is complete.
	 */
	public void complete() {
		end(null);
	}

	/**
	 * End the call: it failed.
	 * @param error why
	 */
	public void fail(@Nullable Throwable error) {
		end(error);
	}

	/**
	 * End the call without an error: the consumer stopped reading before the end, as a user
	 * who closes the page does. It is recorded as {@code cancelled}.
	 */
	public void cancel() {
		ModelCallContext context = this.context;
		if (context != null && !this.ended) {
			context.setErrorType(CANCELLED);
		}
		end(null);
	}

	private void end(@Nullable Throwable error) {
		Observation observation = this.observation;
		if (observation == null) {
			return;
		}
		synchronized (this) {
			if (this.ended) {
				return;
			}
			this.ended = true;
		}
		if (error != null) {
			observation.error(error);
		}
		observation.stop();
	}

	/**
	 * The chunks of an iterator, each reported as it is returned.
	 */
	private static final class ObservedIterator<T> implements Iterator<T> {

		private final Iterator<T> chunks;

		private final ModelCallStream stream;

		ObservedIterator(Iterator<T> chunks, ModelCallStream stream) {
			this.chunks = chunks;
			this.stream = stream;
		}

		@Override
		public boolean hasNext() {
			boolean more;
			try {
				more = this.chunks.hasNext();
			}
			catch (RuntimeException | Error ex) {
				this.stream.fail(ex);
				throw ex;
			}
			if (!more) {
				this.stream.complete();
			}
			return more;
		}

		@Override
		public T next() {
			T chunk;
			try {
				chunk = this.chunks.next();
			}
			catch (RuntimeException | Error ex) {
				this.stream.fail(ex);
				throw ex;
			}
			this.stream.chunk();
			return chunk;
		}

		@Override
		public void forEachRemaining(Consumer<? super T> action) {
			while (hasNext()) {
				action.accept(next());
			}
		}

	}

}
