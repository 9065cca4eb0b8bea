package dev.agentobs.observation;

import io.micrometer.common.KeyValues;

import dev.agentobs.internal.support.NameCombinationCache;
import dev.agentobs.observation.AgentObservationDocumentation.HighCardinalityKeyNames;

/**
 * The default {@link AgentStepObservationConvention}: observation {@code agent.step}, span
 * {@code step {n} {agent}}.
 *
 * @since 0.1.0
 */
public class DefaultAgentStepObservationConvention implements AgentStepObservationConvention {

	/** The shared instance. */
	public static final DefaultAgentStepObservationConvention INSTANCE = new DefaultAgentStepObservationConvention();

	@Override
	public String getName() {
		return "agent.step";
	}

	@Override
	public String getContextualName(AgentStepContext context) {
		String agentName = context.getAgentName();
		return "step " + context.getStepNumber() + ((agentName != null) ? " " + agentName : "");
	}

	private final NameCombinationCache<KeyValues> lowCardinalityKeyValues = new NameCombinationCache<>();

	@Override
	public KeyValues getLowCardinalityKeyValues(AgentStepContext context) {
		return this.lowCardinalityKeyValues.get(context.getAgentName(), context.getErrorType(), null, null, null,
				context, DefaultAgentStepObservationConvention::lowCardinalityKeyValues);
	}

	private static KeyValues lowCardinalityKeyValues(AgentStepContext context) {
		return AgentKeyValues.withAgentAndError(KeyValues.empty(), context);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(AgentStepContext context) {
		return AgentKeyValues.runAndConversation(context)
			.and(HighCardinalityKeyNames.STEP_NUMBER.withValue(Integer.toString(context.getStepNumber())));
	}

}
