package dev.agentobs.test;

import java.util.List;

import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentStep;
import dev.agentobs.operation.ModelCall;

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
		if (operation instanceof AgentStep step) {
			description.append(' ').append(step.stepNumber());
		}
		description.append(' ').append(operation.name());
		if (operation instanceof ModelCall call && (call.tokens().input() > 0 || call.tokens().output() > 0)) {
			description.append(" (")
				.append(call.tokens().input())
				.append(" input + ")
				.append(call.tokens().output())
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
