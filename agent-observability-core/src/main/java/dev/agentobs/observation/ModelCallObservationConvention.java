package dev.agentobs.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of model call observations. Declare a bean of this type to replace
 * {@link DefaultModelCallObservationConvention}.
 *
 * @since 0.1.0
 */
public interface ModelCallObservationConvention extends ObservationConvention<ModelCallContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ModelCallContext;
	}

}
