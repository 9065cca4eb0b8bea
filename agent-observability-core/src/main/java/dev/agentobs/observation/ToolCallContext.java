package dev.agentobs.observation;

import org.jspecify.annotations.Nullable;

import dev.agentobs.api.AgentOperation;

/**
 * The context of a tool call observation ({@code gen_ai.execute_tool}).
 *
 * @since 0.1.0
 */
public class ToolCallContext extends AgentObservationContext {

	private final String toolName;

	private String toolType = "function";

	private @Nullable String toolCallId;

	private @Nullable String arguments;

	private @Nullable String result;

	public ToolCallContext(String toolName) {
		super(AgentOperation.Kind.TOOL_CALL);
		this.toolName = toolName;
	}

	@Override
	protected AgentOperation.Builder operationBuilder() {
		return AgentOperation.toolCall(this.toolName).toolType(this.toolType).toolCallId(this.toolCallId);
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

	public void setToolType(String toolType) {
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
