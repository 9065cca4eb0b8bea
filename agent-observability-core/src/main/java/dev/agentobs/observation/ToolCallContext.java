package dev.agentobs.observation;

import org.jspecify.annotations.Nullable;

import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.OperationOutcome;
import dev.agentobs.operation.OperationScope;
import dev.agentobs.operation.ToolCall;

/**
 * The context of a tool call observation ({@code gen_ai.execute_tool}).
 *
 * @since 0.1.0
 */
public class ToolCallContext extends AgentObservationContext {

	private final String toolName;

	private String toolType = ToolCall.FUNCTION;

	private @Nullable String toolCallId;

	private @Nullable String arguments;

	private @Nullable String result;

	public ToolCallContext(String toolName) {
		super(AgentOperation.Kind.TOOL_CALL);
		this.toolName = nameOrUnknown(toolName);
	}

	@Override
	protected AgentOperation operation(OperationScope scope, OperationOutcome outcome) {
		return new ToolCall(this.toolName, this.toolType, this.toolCallId, scope, outcome);
	}

	public String getToolName() {
		return this.toolName;
	}

	/**
	 * The tool's type: {@code function} unless set otherwise.
	 * @return the tool type
	 */
	public String getToolType() {
		return this.toolType;
	}

	/**
	 * Set the tool's type; a blank one is ignored with a warning and the type stays as it was.
	 * @param toolType {@code function}, {@code extension} or {@code datastore}
	 */
	public void setToolType(@Nullable String toolType) {
		if (toolType == null || toolType.isBlank()) {
			ignored("toolType", "tool type " + quote(toolType) + " for tool " + this.toolName
					+ ": a tool type must not be blank; it stays " + this.toolType);
			return;
		}
		this.toolType = toolType;
	}

	public @Nullable String getToolCallId() {
		return this.toolCallId;
	}

	public void setToolCallId(@Nullable String toolCallId) {
		this.toolCallId = toolCallId;
	}

	/**
	 * The call's arguments, kept only to be put on the span when content capture is on.
	 * @return the arguments or {@code null}
	 */
	public @Nullable String getArguments() {
		return this.arguments;
	}

	public void setArguments(@Nullable String arguments) {
		this.arguments = arguments;
	}

	/**
	 * The call's result, kept only to be put on the span when content capture is on.
	 * @return the result or {@code null}
	 */
	public @Nullable String getResult() {
		return this.result;
	}

	public void setResult(@Nullable String result) {
		this.result = result;
	}

}
