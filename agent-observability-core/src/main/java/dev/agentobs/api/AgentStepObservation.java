package dev.agentobs.api;

import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.agentobs.observation.AgentStepContext;
import dev.agentobs.observation.DefaultAgentStepObservationConvention;

/**
 * One step of an agent's loop to observe.
 *
 * @since 0.1.0
 */
public final class AgentStepObservation extends ObservedOperation<AgentStepObservation, AgentStepContext> {

	static final AgentStepObservation NOOP = new AgentStepObservation(null, null, null);

	AgentStepObservation(@Nullable ObservationRegistry registry, @Nullable AgentStepContext context,
			@Nullable ObservationConvention<AgentStepContext> convention) {
		super(registry, context, convention);
	}

	@Override
	protected ObservationConvention<AgentStepContext> defaultConvention() {
		return DefaultAgentStepObservationConvention.INSTANCE;
	}

}
