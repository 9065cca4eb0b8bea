package dev.agentobs.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import dev.agentobs.observation.AgentObservationDocumentation.HighCardinalityKeyNames;

/**
 * The default {@link AgentRunObservationConvention}: observation {@code gen_ai.invoke_agent},
 * span {@code invoke_agent {agent}}.
 *
 * @since 0.1.0
 */
public class DefaultAgentRunObservationConvention implements AgentRunObservationConvention {

	/** The shared instance. */
	public static final DefaultAgentRunObservationConvention INSTANCE = new DefaultAgentRunObservationConvention();

	private static final KeyValue OPERATION_NAME = AgentKeyValues.operationName("invoke_agent");

	@Override
	public String getName() {
		return "gen_ai.invoke_agent";
	}

	@Override
	public String getContextualName(AgentRunContext context) {
		return "invoke_agent " + context.getAgentName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(AgentRunContext context) {
		return AgentKeyValues.withAgentAndError(KeyValues.of(OPERATION_NAME), context);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(AgentRunContext context) {
		KeyValues keyValues = AgentKeyValues.runAndConversation(context);
		String agentId = context.getAgentId();
		return (agentId != null) ? keyValues.and(HighCardinalityKeyNames.AGENT_ID.withValue(agentId)) : keyValues;
	}

}
