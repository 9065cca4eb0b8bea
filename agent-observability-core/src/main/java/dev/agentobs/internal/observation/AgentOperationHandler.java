package dev.agentobs.internal.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import dev.agentobs.observation.AgentObservationContext;

/**
 * Turns every finished agent observation into one {@link dev.agentobs.operation.AgentOperation}
 * and hands it to the sinks.
 *
 * @since 0.1.0
 */
public class AgentOperationHandler implements ObservationHandler<AgentObservationContext> {

	private final AgentOperationDispatcher dispatcher;

	public AgentOperationHandler(AgentOperationDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Override
	public void onStart(AgentObservationContext context) {
		context.markStarted();
	}

	@Override
	public void onStop(AgentObservationContext context) {
		this.dispatcher.dispatch(context.getOperation());
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof AgentObservationContext;
	}

}
