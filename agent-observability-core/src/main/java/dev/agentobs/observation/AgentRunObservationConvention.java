package dev.agentobs.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of agent run observations. Declare a bean of this type to replace
 * {@link DefaultAgentRunObservationConvention}.
 *
 * @since 0.1.0
 */
public interface AgentRunObservationConvention extends ObservationConvention<AgentRunContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof AgentRunContext;
	}

}
