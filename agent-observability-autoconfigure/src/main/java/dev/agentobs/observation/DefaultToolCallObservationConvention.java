package dev.agentobs.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import dev.agentobs.observation.AgentObservationDocumentation.HighCardinalityKeyNames;
import dev.agentobs.observation.AgentObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default {@link ToolCallObservationConvention}: observation {@code gen_ai.execute_tool},
 * span {@code execute_tool {tool}}.
 *
 * @since 0.1.0
 */
public class DefaultToolCallObservationConvention implements ToolCallObservationConvention {

	/** The shared instance. */
	public static final DefaultToolCallObservationConvention INSTANCE = new DefaultToolCallObservationConvention();

	private static final KeyValue OPERATION_NAME = AgentKeyValues.operationName("execute_tool");

	@Override
	public String getName() {
		return "gen_ai.execute_tool";
	}

	@Override
	public String getContextualName(ToolCallContext context) {
		return "execute_tool " + context.getToolName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ToolCallContext context) {
		return AgentKeyValues.withAgentAndError(
				KeyValues.of(OPERATION_NAME, LowCardinalityKeyNames.TOOL_NAME.withValue(context.getToolName()),
						LowCardinalityKeyNames.TOOL_TYPE.withValue(context.getToolType())),
				context);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ToolCallContext context) {
		KeyValues keyValues = AgentKeyValues.runAndConversation(context);
		String toolCallId = context.getToolCallId();
		return (toolCallId != null) ? keyValues.and(HighCardinalityKeyNames.TOOL_CALL_ID.withValue(toolCallId))
				: keyValues;
	}

}
