package dev.agentobs.test;

import java.util.List;

import dev.agentobs.api.AgentOperation;

/**
 * Operations as failure messages show them: named like their spans, so that what a test
 * reports reads like the trace the user knows.
 */
final class OperationDescriptions {

	private static final String INDENT = "  ";

	private OperationDescriptions() {
	}

	/**
	 * One operation on one line, such as {@code chat gpt-4o (1200 input + 300 output tokens)}.
	 * @param operation the operation
	 * @return the description
	 */
	static String describe(AgentOperation operation) {
		StringBuilder description = new StringBuilder(operation.operationName());
		if (operation.kind() == AgentOperation.Kind.AGENT_STEP) {
			description.append(' ').append(operation.stepNumber());
		}
		description.append(' ').append(operation.name());
		if (operation.inputTokens() > 0 || operation.outputTokens() > 0) {
			description.append(" (")
				.append(operation.inputTokens())
				.append(" input + ")
				.append(operation.outputTokens())
				.append(" output tokens)");
		}
		if (operation.failed()) {
			description.append(" failed with ").append(operation.errorType());
		}
		return description.toString();
	}

	/**
	 * Operations one per line, each indented, or a line saying there are none.
	 * @param operations the operations
	 * @return the listing
	 */
	static String list(List<AgentOperation> operations) {
		if (operations.isEmpty()) {
			return INDENT + "(none)";
		}
		StringBuilder listing = new StringBuilder();
		for (AgentOperation operation : operations) {
			if (!listing.isEmpty()) {
				listing.append(System.lineSeparator());
			}
			listing.append(INDENT).append(describe(operation));
		}
		return listing.toString();
	}

	/**
	 * A name in quotes.
	 * @param name the name
	 * @return the quoted name
	 */
	static String quote(String name) {
		return "\"" + name + "\"";
	}

}
