package dev.agentobs.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of agent step observations. Declare a bean of this type to replace
 * {@link DefaultAgentStepObservationConvention}.
 *
 * @since 0.1.0
 */
public interface AgentStepObservationConvention extends ObservationConvention<AgentStepContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof AgentStepContext;
	}

}
