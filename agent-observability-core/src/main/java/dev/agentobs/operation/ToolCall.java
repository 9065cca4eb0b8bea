package dev.agentobs.operation;

import org.jspecify.annotations.Nullable;

/**
 * A finished tool call.
 *
 * @param toolName the tool's name
 * @param toolType the tool's type: {@code function} unless {@code extension} or
 * {@code datastore}
 * @param toolCallId the id the model gave the call, when it gave one
 * @param scope where it ran
 * @param outcome how it ended
 * @since 0.1.0
 */
public record ToolCall(String toolName, String toolType, @Nullable String toolCallId, OperationScope scope,
		OperationOutcome outcome) implements AgentOperation {

	/** The type of a tool unless told otherwise. */
	public static final String FUNCTION = "function";

	public ToolCall {
		toolName = OperationChecks.requireName(toolName, "toolName");
		toolType = OperationChecks.requireName(toolType, "toolType");
		OperationChecks.requireNonNull(scope, "scope");
		OperationChecks.requireNonNull(outcome, "outcome");
	}

	@Override
	public Kind kind() {
		return Kind.TOOL_CALL;
	}

	@Override
	public String name() {
		return this.toolName;
	}

	/**
	 * Builds a {@link ToolCall}: {@link AgentOperation#toolCall(String)}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder extends OperationBuilder<Builder, ToolCall> {

		private final String toolName;

		private String toolType = FUNCTION;

		private @Nullable String toolCallId;

		Builder(String toolName) {
			super(null);
			this.toolName = OperationChecks.requireText(toolName, "toolName");
		}

		/**
		 * Set the tool's type.
		 * @param toolType {@code function}, {@code extension} or {@code datastore}
		 * @return this builder
		 */
		public Builder toolType(String toolType) {
			this.toolType = OperationChecks.requireText(toolType, "toolType");
			return this;
		}

		/**
		 * Set the id the model gave the tool call.
		 * @param toolCallId the tool call id
		 * @return this builder
		 */
		public Builder toolCallId(@Nullable String toolCallId) {
			this.toolCallId = toolCallId;
			return this;
		}

		@Override
		public ToolCall build() {
			return new ToolCall(this.toolName, this.toolType, this.toolCallId, scope(), outcome());
		}

	}

}
