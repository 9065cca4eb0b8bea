package dev.agentobs.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import dev.agentobs.internal.support.NameCombinationCache;
import dev.agentobs.observation.AgentObservationDocumentation.HighCardinalityKeyNames;
import dev.agentobs.observation.AgentObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default {@link ToolCallObservationConvention}: observation {@code gen_ai.execute_tool},
 * span {@code execute_tool {tool}}. Key values and span names are made once per combination of
 * names and then reused.
 *
 * @since 0.1.0
 */
public class DefaultToolCallObservationConvention implements ToolCallObservationConvention {

	/** The shared instance. */
	public static final DefaultToolCallObservationConvention INSTANCE = new DefaultToolCallObservationConvention();

	private static final KeyValue OPERATION_NAME = AgentKeyValues.operationName("execute_tool");

	private final NameCombinationCache<String> contextualNames = new NameCombinationCache<>();

	private final NameCombinationCache<KeyValues> lowCardinalityKeyValues = new NameCombinationCache<>();

	private final NameCombinationCache<KeyValues> highCardinalityKeyValues = new NameCombinationCache<>();

	@Override
	public String getName() {
		return "gen_ai.execute_tool";
	}

	@Override
	public String getContextualName(ToolCallContext context) {
		return this.contextualNames.get(context.getToolName(), null, null, null, null, context,
				DefaultToolCallObservationConvention::contextualName);
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ToolCallContext context) {
		return this.lowCardinalityKeyValues.get(context.getToolName(), context.getToolType(), context.getAgentName(),
				context.getErrorType(), null, context, DefaultToolCallObservationConvention::lowCardinalityKeyValues);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ToolCallContext context) {
		return this.highCardinalityKeyValues.get(context.getRunId(), context.getConversationId(),
				context.getToolCallId(), null, null, context,
				DefaultToolCallObservationConvention::highCardinalityKeyValues);
	}

	private static String contextualName(ToolCallContext context) {
		return "execute_tool " + context.getToolName();
	}

	private static KeyValues lowCardinalityKeyValues(ToolCallContext context) {
		return AgentKeyValues.withAgentAndError(
				KeyValues.of(OPERATION_NAME, LowCardinalityKeyNames.TOOL_NAME.withValue(context.getToolName()),
						LowCardinalityKeyNames.TOOL_TYPE.withValue(context.getToolType())),
				context);
	}

	private static KeyValues highCardinalityKeyValues(ToolCallContext context) {
		KeyValues keyValues = AgentKeyValues.runAndConversation(context);
		String toolCallId = context.getToolCallId();
		return (toolCallId != null) ? keyValues.and(HighCardinalityKeyNames.TOOL_CALL_ID.withValue(toolCallId))
				: keyValues;
	}

}
