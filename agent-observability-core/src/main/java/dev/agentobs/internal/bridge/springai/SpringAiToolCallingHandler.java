package dev.agentobs.internal.bridge.springai;

import io.micrometer.observation.Observation;

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
		String toolCallId = context.getToolCallId();
		String toolType = context.getToolType();
		return AgentOperation.toolCall(context.getToolDefinition().name())
			.toolType((toolType != null && !toolType.isBlank()) ? toolType : ToolCall.FUNCTION)
			.toolCallId(toolCallId.isEmpty() ? null : toolCallId);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ToolCallingObservationContext;
	}

}
