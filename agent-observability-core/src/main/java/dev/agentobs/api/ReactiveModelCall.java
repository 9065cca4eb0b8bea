package dev.agentobs.api;

import java.util.function.Function;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Observes a model call whose answer is a {@link Flux} of chunks, with Project Reactor on the
 * class path. The call starts when the flux is subscribed to; each element is a chunk (the
 * first gives the time to first chunk); it ends when the flux completes, fails, or is
 * cancelled (recorded as {@code cancelled}).
 * <pre>{@code
 * Flux<ChatResponse> answer = ReactiveModelCall.observe(observations.model("openai", "gpt-4o"),
 *         (call) -> chatModel.stream(prompt).doOnNext((response) -> call.tokens(in(response), out(response))));
 * }</pre>
 * The publisher is made inside the call's observation, and the observation is put in the
 * Reactor context under Micrometer's key: clients that observe themselves (a
 * {@code WebClient}, Spring AI) nest their work under the call, on whatever thread the chunks
 * come, and the call stays inside the agent run that subscribed.
 *
 * @since 0.1.0
 */
public final class ReactiveModelCall {

	private ReactiveModelCall() {
	}

	/**
	 * Observe the chunks of a model call.
	 * @param <T> the chunk type
	 * @param call the model call, observed once per subscription (subscribed again, the flux
	 * runs unobserved, with a warning)
	 * @param chunks makes the chunks, given the call in progress to report tokens and the
	 * response model
	 * @return the same chunks, observed
	 */
	public static <T> Flux<T> observe(ModelCallObservation call,
			Function<? super ModelCallStream, ? extends Publisher<T>> chunks) {
		return Flux.defer(() -> {
			ModelCallStream stream = call.startStream();
			Observation observation = stream.observation();
			Flux<T> source;
			try {
				source = (observation != null) ? Flux.from(observation.scoped(() -> chunks.apply(stream)))
						: Flux.from(chunks.apply(stream));
			}
			catch (RuntimeException | Error ex) {
				stream.fail(ex);
				throw ex;
			}
			if (observation == null) {
				return source;
			}
			return source.doOnNext((chunk) -> stream.chunk())
				.doOnComplete(stream::complete)
				.doOnError(stream::fail)
				.doOnCancel(stream::cancel)
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

}
