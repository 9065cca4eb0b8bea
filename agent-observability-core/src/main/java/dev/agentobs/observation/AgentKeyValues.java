package dev.agentobs.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import dev.agentobs.observation.AgentObservationDocumentation.HighCardinalityKeyNames;
import dev.agentobs.observation.AgentObservationDocumentation.LowCardinalityKeyNames;

/**
 * Key values every default convention shares.
 */
final class AgentKeyValues {

	private AgentKeyValues() {
	}

	/**
	 * Add the agent's name and the error type, each when known.
	 */
	static KeyValues withAgentAndError(KeyValues keyValues, AgentObservationContext context) {
		KeyValues result = keyValues;
		String agentName = context.getAgentName();
		if (agentName != null) {
			result = result.and(LowCardinalityKeyNames.AGENT_NAME.withValue(agentName));
		}
		String errorType = context.getErrorType();
		if (errorType != null) {
			result = result.and(LowCardinalityKeyNames.ERROR_TYPE.withValue(errorType));
		}
		return result;
	}

	/**
	 * The run and conversation ids, each when known.
	 */
	static KeyValues runAndConversation(AgentObservationContext context) {
		KeyValues result = KeyValues.empty();
		String runId = context.getRunId();
		if (runId != null) {
			result = result.and(HighCardinalityKeyNames.RUN_ID.withValue(runId));
		}
		String conversationId = context.getConversationId();
		if (conversationId != null) {
			result = result.and(HighCardinalityKeyNames.CONVERSATION_ID.withValue(conversationId));
		}
		return result;
	}

	static KeyValue operationName(String name) {
		return LowCardinalityKeyNames.OPERATION_NAME.withValue(name);
	}

}
