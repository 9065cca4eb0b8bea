package dev.agentobs.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of code execution observations. Declare a bean of this type to replace
 * {@link DefaultCodeExecutionObservationConvention}.
 *
 * @since 0.1.0
 */
public interface CodeExecutionObservationConvention extends ObservationConvention<CodeExecutionContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CodeExecutionContext;
	}

}
