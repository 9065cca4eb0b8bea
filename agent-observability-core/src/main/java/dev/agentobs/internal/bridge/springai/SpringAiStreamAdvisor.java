package dev.agentobs.internal.bridge.springai;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.core.Ordered;

/**
 * Times the chunks of a streamed {@code ChatClient} call as they reach the caller, for the
 * time to first chunk and the time per output chunk of the chat model call that streams them.
 * Spring AI's chat models give no signal per chunk to their observations, so the advisor sits
 * last in the chain, next to the model, and leaves the chunks in the observation the chain
 * runs it in, where {@link SpringAiChatModelHandler} finds them when the model call starts.
 * Chunks pass through unchanged; without an observation nothing is timed.
 *
 * @since 0.1.0
 */
public final class SpringAiStreamAdvisor implements StreamAdvisor {

	/** The advisor's name, on Spring AI's advisor observations. */
	public static final String NAME = "Agent Observability Stream Advisor";

	// Right before Spring AI's ChatModelStreamAdvisor (the lowest precedence), so every chunk it
	// passes on is one the model sent
	private static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1;

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return Flux.deferContextual((reactorContext) -> {
			Observation enclosing = reactorContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			if (enclosing == null || enclosing.isNoop()) {
				return chain.nextStream(request);
			}
			SpringAiStreamChunks chunks = new SpringAiStreamChunks();
			enclosing.getContext().put(SpringAiStreamChunks.class, chunks);
			// Ended before the signal goes on, so that the model call is recorded before its run
			return chain.nextStream(request)
				.doOnNext((response) -> chunks.chunk())
				.doOnTerminate(chunks::end)
				.doOnCancel(chunks::end);
		});
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
