package dev.agentobs.internal.metrics;

import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

import dev.agentobs.observation.AgentObservationContext;

/**
 * Keeps Spring Boot's {@code DefaultMeterObservationHandler} from timing agent observations a
 * second time under other names. Boot puts every meter handler in one group where the first
 * that supports a context is the only one called; ordered first and supporting only agent
 * contexts, this one wins that group for them and records nothing. Durations and tokens are
 * recorded by {@link AgentMetrics} from the finished operation, the same way for observed and
 * recorded operations, and active runs come from {@code dev.agentobs.internal.stats.ActiveAgentRuns}.
 *
 * @since 0.1.0
 */
public class AgentObservationTimerSuppressor implements MeterObservationHandler<AgentObservationContext> {

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof AgentObservationContext;
	}

}
