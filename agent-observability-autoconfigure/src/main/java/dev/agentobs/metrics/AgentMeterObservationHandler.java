package dev.agentobs.metrics;

import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

import dev.agentobs.observation.AgentObservationContext;
import dev.agentobs.observation.AgentRunContext;

/**
 * The meter handler of agent observations. Spring Boot puts every meter handler in one group
 * where the first that supports a context is the only one called; this one is ordered first,
 * so that Boot's {@code DefaultMeterObservationHandler} does not time agent observations a
 * second time under other names. It counts active runs; durations and tokens are recorded by
 * {@link AgentMetrics} from the finished operation, the same way for observed and recorded
 * operations.
 *
 * @since 0.1.0
 */
public class AgentMeterObservationHandler implements MeterObservationHandler<AgentObservationContext> {

	private final AgentMetrics metrics;

	public AgentMeterObservationHandler(AgentMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public void onStart(AgentObservationContext context) {
		if (context instanceof AgentRunContext run) {
			this.metrics.runStarted(run.getAgentName());
		}
	}

	@Override
	public void onStop(AgentObservationContext context) {
		if (context instanceof AgentRunContext run) {
			this.metrics.runFinished(run.getAgentName());
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof AgentObservationContext;
	}

}
