package dev.agentobs.metrics;

import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

import dev.agentobs.observation.AgentObservationContext;

/**
 * The meter handler of agent observations. Spring Boot puts every meter handler in one group
 * where the first that supports a context is the only one called; this one is ordered first,
 * so that Boot's {@code DefaultMeterObservationHandler} does not time agent observations a
 * second time under other names. It records nothing itself: durations and tokens are recorded
 * by {@link AgentMetrics} from the finished operation, the same way for observed and recorded
 * operations, and active runs come from {@link dev.agentobs.stats.ActiveAgentRuns}.
 *
 * @since 0.1.0
 */
public class AgentMeterObservationHandler implements MeterObservationHandler<AgentObservationContext> {

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof AgentObservationContext;
	}

}
