package dev.agentobs.event;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.agentobs.api.AgentOperation;
import dev.agentobs.observation.GenAiAttributes;

/**
 * A finished agent operation as subscribers see it.
 *
 * @param name the event name: {@code agent.run}, {@code agent.step}, {@code model.generate},
 * {@code tool.call} or {@code executor.execute}
 * @param duration how long the operation took
 * @param error the error's type (the exception's class name), {@code null} on success
 * @param attributes what else is known, keyed by GenAI attribute name
 * ({@code gen_ai.request.model}, {@code gen_ai.tool.name}, {@code gen_ai.usage.input_tokens},
 * ...); values are strings, and numbers for token counts and step numbers
 * @param operation the full operation the event was made from
 * @since 0.1.0
 */
public record AgentEvent(String name, Duration duration, @Nullable String error, Map<String, Object> attributes,
		AgentOperation operation) {

	/**
	 * The event of a finished operation.
	 * @param operation the operation
	 * @return the event
	 */
	public static AgentEvent of(AgentOperation operation) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put(GenAiAttributes.OPERATION_NAME.key(), operation.operationName());
		put(attributes, GenAiAttributes.AGENT_NAME, operation.agentName());
		put(attributes, GenAiAttributes.AGENT_ID, operation.agentId());
		put(attributes, GenAiAttributes.AGENT_RUN_ID, operation.runId());
		put(attributes, GenAiAttributes.CONVERSATION_ID, operation.conversationId());
		if (operation.stepNumber() > 0) {
			attributes.put(GenAiAttributes.AGENT_STEP_NUMBER.key(), operation.stepNumber());
		}
		put(attributes, GenAiAttributes.PROVIDER_NAME, operation.providerName());
		put(attributes, GenAiAttributes.REQUEST_MODEL, operation.requestModel());
		put(attributes, GenAiAttributes.RESPONSE_MODEL, operation.responseModel());
		if (operation.kind() == AgentOperation.Kind.MODEL_CALL) {
			attributes.put(GenAiAttributes.USAGE_INPUT_TOKENS.key(), operation.inputTokens());
			attributes.put(GenAiAttributes.USAGE_OUTPUT_TOKENS.key(), operation.outputTokens());
		}
		put(attributes, GenAiAttributes.TOOL_NAME, operation.toolName());
		put(attributes, GenAiAttributes.TOOL_TYPE, operation.toolType());
		put(attributes, GenAiAttributes.TOOL_CALL_ID, operation.toolCallId());
		put(attributes, GenAiAttributes.CODE_LANGUAGE, operation.language());
		return new AgentEvent(operation.kind().eventName(), operation.duration(), operation.errorType(),
				Map.copyOf(attributes), operation);
	}

	private static void put(Map<String, Object> attributes, GenAiAttributes key, @Nullable String value) {
		if (value != null) {
			attributes.put(key.key(), value);
		}
	}

}
