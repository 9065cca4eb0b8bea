package dev.agentobs.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import dev.agentobs.internal.support.NameCombinationCache;
import dev.agentobs.observation.AgentObservationDocumentation.HighCardinalityKeyNames;

/**
 * The default {@link AgentRunObservationConvention}: observation {@code gen_ai.invoke_agent},
 * span {@code invoke_agent {agent}}. Key values and span names are made once per combination
 * of names and then reused.
 *
 * @since 0.1.0
 */
public class DefaultAgentRunObservationConvention implements AgentRunObservationConvention {

	/** The shared instance. */
	public static final DefaultAgentRunObservationConvention INSTANCE = new DefaultAgentRunObservationConvention();

	private static final KeyValue OPERATION_NAME = AgentKeyValues.operationName("invoke_agent");

	private final NameCombinationCache<String> contextualNames = new NameCombinationCache<>();

	private final NameCombinationCache<KeyValues> lowCardinalityKeyValues = new NameCombinationCache<>();

	private final NameCombinationCache<KeyValues> highCardinalityKeyValues = new NameCombinationCache<>();

	@Override
	public String getName() {
		return "gen_ai.invoke_agent";
	}

	@Override
	public String getContextualName(AgentRunContext context) {
		return this.contextualNames.get(context.getAgentName(), null, null, null, null, context,
				DefaultAgentRunObservationConvention::contextualName);
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(AgentRunContext context) {
		return this.lowCardinalityKeyValues.get(context.getAgentName(), context.getErrorType(), null, null, null,
				context, DefaultAgentRunObservationConvention::lowCardinalityKeyValues);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(AgentRunContext context) {
		return this.highCardinalityKeyValues.get(context.getRunId(), context.getConversationId(),
				context.getAgentId(), null, null, context,
				DefaultAgentRunObservationConvention::highCardinalityKeyValues);
	}

	private static String contextualName(AgentRunContext context) {
		return "invoke_agent " + context.getAgentName();
	}

	private static KeyValues lowCardinalityKeyValues(AgentRunContext context) {
		return AgentKeyValues.withAgentAndError(KeyValues.of(OPERATION_NAME), context);
	}

	private static KeyValues highCardinalityKeyValues(AgentRunContext context) {
		KeyValues keyValues = AgentKeyValues.runAndConversation(context);
		String agentId = context.getAgentId();
		return (agentId != null) ? keyValues.and(HighCardinalityKeyNames.AGENT_ID.withValue(agentId)) : keyValues;
	}

}
