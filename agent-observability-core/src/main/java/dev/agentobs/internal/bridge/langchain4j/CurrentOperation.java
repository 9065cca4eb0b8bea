package dev.agentobs.internal.bridge.langchain4j;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.agentobs.observation.AgentObservationContext;
import dev.agentobs.observation.AgentObservationDocumentation;

/**
 * The LangChain4j agent run or tool call in progress on the current thread, so that a model
 * call made for it (and an AI service a tool invokes) nests under it. LangChain4j reports
 * these through callbacks rather than around the work, and a streaming run may end on another
 * thread, so they are kept here rather than as the registry's current observation: no scope is
 * left open on a thread when a run ends elsewhere.
 */
final class CurrentOperation {

	private static final ThreadLocal<@Nullable CurrentOperation> current = new ThreadLocal<>();

	private final Observation observation;

	private final @Nullable CurrentOperation previous;

	private volatile boolean ended;

	private CurrentOperation(Observation observation, @Nullable CurrentOperation previous) {
		this.observation = observation;
		this.previous = previous;
	}

	/**
	 * The observation a new one on this thread belongs to: the innermost LangChain4j operation
	 * still in progress here, or else the registry's current observation.
	 * @param registry the registry
	 * @return the parent, or {@code null}
	 */
	static @Nullable Observation parent(ObservationRegistry registry) {
		CurrentOperation operation = current.get();
		while (operation != null && operation.ended) {
			operation = operation.previous;
		}
		return (operation != null) ? operation.observation : registry.getCurrentObservation();
	}

	/**
	 * Start the observation of an agent operation under its parent, from whose nearest agent
	 * operation it takes its agent, run and conversation.
	 * @param <C> the type of the context
	 * @param documentation the observation's documentation
	 * @param defaultConvention its default convention
	 * @param context its context
	 * @param parent the observation it belongs to, or {@code null}
	 * @param registry the registry
	 * @return the started observation
	 */
	static <C extends AgentObservationContext> Observation start(AgentObservationDocumentation documentation,
			ObservationConvention<C> defaultConvention, C context, @Nullable Observation parent,
			ObservationRegistry registry) {
		context.inheritFrom(parent);
		return documentation.observation(null, defaultConvention, () -> context, registry)
			.parentObservation(parent)
			.start();
	}

	/**
	 * Make a started observation the current LangChain4j operation of this thread.
	 * @param observation the observation
	 * @return the handle to end it with
	 */
	static CurrentOperation begin(Observation observation) {
		CurrentOperation operation = new CurrentOperation(observation, current.get());
		current.set(operation);
		return operation;
	}

	/**
	 * End this operation, on whatever thread: it is no longer anyone's parent, and when it is
	 * the current one of this thread, the one it interrupted is current again.
	 */
	void end() {
		this.ended = true;
		CurrentOperation top = current.get();
		if (top == this || (top != null && top.ended)) {
			CurrentOperation operation = top;
			while (operation != null && operation.ended) {
				operation = operation.previous;
			}
			if (operation != null) {
				current.set(operation);
			}
			else {
				current.remove();
			}
		}
	}

	Observation observation() {
		return this.observation;
	}

}
