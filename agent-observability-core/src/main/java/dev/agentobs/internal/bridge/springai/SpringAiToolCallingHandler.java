package dev.agentobs.internal.bridge.springai;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.tool.observation.ToolCallingObservationContext;
import org.springframework.util.Assert;

import dev.agentobs.internal.bridge.springai.SpringAiChatModelHandler.StartTime;
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
public class SpringAiToolCallingHandler implements ObservationHandler<ToolCallingObservationContext> {

	private final AgentOperationSink operations;

	/**
	 * Create a handler.
	 * @param operations where tool calls go: the sinks of every operation, as for
	 * {@code AgentObservations#record}
	 */
	public SpringAiToolCallingHandler(AgentOperationSink operations) {
		Assert.notNull(operations, "operations must not be null");
		this.operations = operations;
	}

	@Override
	public void onStart(ToolCallingObservationContext context) {
		context.put(StartTime.class, new StartTime(System.nanoTime()));
	}

	@Override
	public void onStop(ToolCallingObservationContext context) {
		String toolCallId = context.getToolCallId();
		String toolType = context.getToolType();
		ToolCall.Builder call = AgentOperation.toolCall(context.getToolDefinition().name())
			.toolType((toolType != null && !toolType.isBlank()) ? toolType : ToolCall.FUNCTION)
			.toolCallId(toolCallId.isEmpty() ? null : toolCallId)
			.duration(StartTime.elapsed(context))
			.error(context.getError());
		SpringAiRun run = SpringAiRun.enclosing(context.getParentObservation());
		if (run != null) {
			call.agentName(run.agentName()).runId(run.runId()).conversationId(run.conversationId());
		}
		this.operations.accept(call.build());
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ToolCallingObservationContext;
	}

}
