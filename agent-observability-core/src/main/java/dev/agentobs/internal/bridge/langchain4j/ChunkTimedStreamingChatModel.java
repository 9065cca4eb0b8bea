package dev.agentobs.internal.bridge.langchain4j;

import java.util.List;
import java.util.Set;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import org.jspecify.annotations.Nullable;

import dev.agentobs.cost.AgentBudgetExceededException;
import dev.agentobs.internal.budget.RunLedger;
import dev.agentobs.observation.ModelCallContext;

/**
 * A LangChain4j streaming chat model whose calls, observed by
 * {@link LangChain4jChatModelListener}, also get their chunks: the time to first chunk and the
 * time per output chunk. LangChain4j tells its listeners of a streamed call's request and
 * complete response only, so the model's handler is wrapped here: each partial response,
 * thinking or tool call is a chunk of the call the listener started on this thread just
 * before. A call in a run that has spent its budget gets
 * {@code AgentBudgetExceededException} in its handler instead of a request. Everything else is
 * the model's own; LangChain4j's {@code chat(...)} methods run as its interface defines them,
 * with the model's listeners.
 */
final class ChunkTimedStreamingChatModel implements StreamingChatModel {

	// The call the listener started on this thread, for the doChat that follows it
	private static final ThreadLocal<@Nullable ModelCallContext> started = new ThreadLocal<>();

	private final StreamingChatModel model;

	private ChunkTimedStreamingChatModel(StreamingChatModel model) {
		this.model = model;
	}

	static StreamingChatModel of(StreamingChatModel model) {
		return (model instanceof ChunkTimedStreamingChatModel) ? model : new ChunkTimedStreamingChatModel(model);
	}

	static boolean isTimed(@Nullable StreamingChatModel model) {
		return model instanceof ChunkTimedStreamingChatModel;
	}

	/**
	 * Note a call the listener started on this thread, for the model's {@code doChat} that
	 * follows it when the model streams.
	 * @param call the call
	 */
	static void requested(ModelCallContext call) {
		started.set(call);
	}

	/**
	 * Forget a call that ended: a blocking model's call, which no {@code doChat} of ours took.
	 * @param call the call
	 */
	static void ended(ModelCallContext call) {
		if (started.get() == call) {
			started.remove();
		}
	}

	@Override
	public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
		ModelCallContext call = started.get();
		started.remove();
		if (call == null) {
			this.model.doChat(request, handler);
			return;
		}
		RunLedger ledger = call.getLedger();
		if (ledger != null) {
			try {
				ledger.check();
			}
			catch (AgentBudgetExceededException ex) {
				// A stream's failures reach its handler: the run's budget is spent, the model gets no request
				handler.onError(ex);
				return;
			}
		}
		call.markStreamed();
		this.model.doChat(request, new ChunkTimingHandler(handler, call));
	}

	@Override
	public ChatRequestParameters defaultRequestParameters() {
		return this.model.defaultRequestParameters();
	}

	@Override
	public List<ChatModelListener> listeners() {
		return this.model.listeners();
	}

	@Override
	public ModelProvider provider() {
		return this.model.provider();
	}

	@Override
	public Set<Capability> supportedCapabilities() {
		return this.model.supportedCapabilities();
	}

	@Override
	public String toString() {
		return this.model.toString();
	}

	/**
	 * A streaming handler that notes each partial answer as a chunk, then passes it on.
	 */
	private static final class ChunkTimingHandler implements StreamingChatResponseHandler {

		private final StreamingChatResponseHandler handler;

		private final ModelCallContext call;

		ChunkTimingHandler(StreamingChatResponseHandler handler, ModelCallContext call) {
			this.handler = handler;
			this.call = call;
		}

		@Override
		public void onPartialResponse(String partialResponse) {
			this.call.markChunk();
			this.handler.onPartialResponse(partialResponse);
		}

		@Override
		public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
			this.call.markChunk();
			this.handler.onPartialResponse(partialResponse, context);
		}

		@Override
		public void onPartialThinking(PartialThinking partialThinking) {
			this.call.markChunk();
			this.handler.onPartialThinking(partialThinking);
		}

		@Override
		public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
			this.call.markChunk();
			this.handler.onPartialThinking(partialThinking, context);
		}

		@Override
		public void onPartialToolCall(PartialToolCall partialToolCall) {
			this.call.markChunk();
			this.handler.onPartialToolCall(partialToolCall);
		}

		@Override
		public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
			this.call.markChunk();
			this.handler.onPartialToolCall(partialToolCall, context);
		}

		@Override
		public void onCompleteToolCall(CompleteToolCall completeToolCall) {
			this.handler.onCompleteToolCall(completeToolCall);
		}

		// LangChain4j 1.19's; on 1.11 nothing calls it
		@Override
		public void onUnmappedRawEvent(Object rawEvent) {
			this.handler.onUnmappedRawEvent(rawEvent);
		}

		@Override
		public void onCompleteResponse(ChatResponse completeResponse) {
			this.handler.onCompleteResponse(completeResponse);
		}

		@Override
		public void onError(Throwable error) {
			this.handler.onError(error);
		}

	}

}
