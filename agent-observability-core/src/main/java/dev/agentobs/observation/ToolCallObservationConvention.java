package dev.agentobs.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of tool call observations. Declare a bean of this type to replace
 * {@link DefaultToolCallObservationConvention}.
 *
 * @since 0.1.0
 */
public interface ToolCallObservationConvention extends ObservationConvention<ToolCallContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ToolCallContext;
	}

}
