package dev.agentobs.operation;

/**
 * A finished execution of code an agent wrote.
 *
 * @param language the code's language, such as {@code python}
 * @param scope where it ran
 * @param outcome how it ended
 * @since 0.1.0
 */
public record CodeExecution(String language, OperationScope scope, OperationOutcome outcome) implements AgentOperation {

	public CodeExecution {
		language = OperationChecks.requireName(language, "language");
		OperationChecks.requireNonNull(scope, "scope");
		OperationChecks.requireNonNull(outcome, "outcome");
	}

	@Override
	public Kind kind() {
		return Kind.CODE_EXECUTION;
	}

	@Override
	public String name() {
		return this.language;
	}

	/**
	 * Builds a {@link CodeExecution}: {@link AgentOperation#codeExecution(String)}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder extends OperationBuilder<Builder, CodeExecution> {

		private final String language;

		Builder(String language) {
			super(null);
			this.language = OperationChecks.requireText(language, "language");
		}

		@Override
		public CodeExecution build() {
			return new CodeExecution(this.language, scope(), outcome());
		}

	}

}
