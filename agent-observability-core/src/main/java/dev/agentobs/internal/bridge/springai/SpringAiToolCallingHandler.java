package dev.agentobs.internal.bridge.springai;

import io.micrometer.observation.Observation;

import org.springframework.ai.tool.observation.ToolCallingObservationContext;
import org.springframework.util.ClassUtils;

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
public class SpringAiToolCallingHandler extends SpringAiCallHandler<ToolCallingObservationContext, ToolCall.Builder> {

	/**
	 * Create a handler.
	 * @param operations where tool calls go: the sinks of every operation, as for
	 * {@code AgentObservations#record}
	 */
	public SpringAiToolCallingHandler(AgentOperationSink operations) {
		super(operations);
	}

	// Spring AI 1.1 has neither the call id nor the tool type: those tools are functions. A
	// call site that is never run is never linked, so the guarded calls are safe on 1.1
	private static final boolean HAS_CALL_DETAILS = ClassUtils.hasMethod(ToolCallingObservationContext.class,
			"getToolCallId");

	@Override
	ToolCall.Builder operation(ToolCallingObservationContext context) {
		ToolCall.Builder call = AgentOperation.toolCall(context.getToolDefinition().name()).toolType(ToolCall.FUNCTION);
		if (HAS_CALL_DETAILS) {
			String toolCallId = context.getToolCallId();
			String toolType = context.getToolType();
			if (toolType != null && !toolType.isBlank()) {
				call.toolType(toolType);
			}
			call.toolCallId((toolCallId == null || toolCallId.isEmpty()) ? null : toolCallId);
		}
		return call;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ToolCallingObservationContext;
	}

}
