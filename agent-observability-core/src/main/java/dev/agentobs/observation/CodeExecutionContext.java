package dev.agentobs.observation;

import org.jspecify.annotations.Nullable;

import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.CodeExecution;
import dev.agentobs.operation.OperationOutcome;
import dev.agentobs.operation.OperationScope;

/**
 * The context of a code execution observation ({@code agent.code.execution}).
 *
 * @since 0.1.0
 */
public class CodeExecutionContext extends AgentObservationContext {

	private final String language;

	private @Nullable String code;

	private @Nullable String output;

	public CodeExecutionContext(String language) {
		super(AgentOperation.Kind.CODE_EXECUTION);
		this.language = nameOrUnknown(language);
	}

	@Override
	protected AgentOperation operation(OperationScope scope, OperationOutcome outcome) {
		return new CodeExecution(this.language, scope, outcome);
	}

	public String getLanguage() {
		return this.language;
	}

	/**
	 * The executed code, kept only to be put on the span when content capture is on.
	 * @return the code or {@code null}
	 */
	public @Nullable String getCode() {
		return this.code;
	}

	public void setCode(@Nullable String code) {
		this.code = code;
	}

	/**
	 * The code's output, kept only to be put on the span when content capture is on.
	 * @return the output or {@code null}
	 */
	public @Nullable String getOutput() {
		return this.output;
	}

	public void setOutput(@Nullable String output) {
		this.output = output;
	}

}
