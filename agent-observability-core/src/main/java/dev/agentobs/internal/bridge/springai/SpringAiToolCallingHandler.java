package dev.agentobs.internal.bridge.springai;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.tool.observation.ToolCallingObservationContext;

import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;
import dev.agentobs.operation.ToolCall;

/**
 * Records every tool Spring AI calls for a model as one tool call: the tool's name and type,
 * the id the model gave the call and the error it failed with, in the agent run it belongs
 * to. Spring AI makes the call's span itself; the call is recorded without a second one.
 *
 * @since 0.1.0
 */
public class SpringAiToolCallingHandler extends SpringAiCallHandler<ToolCallingObservationContext> {

	// Spring AI 1.1 (the Spring Boot 3.5 generation) has neither the tool call's id nor its
	// type on the context: calling them there would throw NoSuchMethodError
	private static final boolean CONTEXT_HAS_TOOL_CALL_ID = hasMethod(ToolCallingObservationContext.class,
			"getToolCallId");

	private static final boolean CONTEXT_HAS_TOOL_TYPE = hasMethod(ToolCallingObservationContext.class, "getToolType");

	/**
	 * Create a handler.
	 * @param operations where tool calls go: the sinks of every operation, as for
	 * {@code AgentObservations#record}
	 */
	public SpringAiToolCallingHandler(AgentOperationSink operations) {
		super(operations);
	}

	@Override
	ToolCall.Builder operation(ToolCallingObservationContext context) {
		@Nullable String toolCallId = CONTEXT_HAS_TOOL_CALL_ID ? context.getToolCallId() : null;
		@Nullable String toolType = CONTEXT_HAS_TOOL_TYPE ? context.getToolType() : null;
		return AgentOperation.toolCall(context.getToolDefinition().name())
			.toolType((toolType != null && !toolType.isBlank()) ? toolType : ToolCall.FUNCTION)
			.toolCallId((toolCallId == null || toolCallId.isEmpty()) ? null : toolCallId);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ToolCallingObservationContext;
	}

}
