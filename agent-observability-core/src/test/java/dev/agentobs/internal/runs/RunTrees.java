package dev.agentobs.internal.runs;

import dev.agentobs.operation.AgentOperation;

/**
 * The outline of a run's tree, one operation a line, indented by depth, named as its span is:
 * what a test compares with the span tree of the same run.
 */
public final class RunTrees {

	private RunTrees() {
	}

	/**
	 * The outline of a tree.
	 * @param top the tree's top
	 * @return one line per node, such as {@code execute_tool web_search}, indented two spaces per
	 * level
	 */
	public static String outline(RunNode top) {
		StringBuilder outline = new StringBuilder();
		append(outline, top, 0);
		return outline.toString();
	}

	private static void append(StringBuilder outline, RunNode node, int depth) {
		outline.append("  ".repeat(depth)).append(name(node)).append('\n');
		for (RunNode child : node.children()) {
			append(outline, child, depth + 1);
		}
	}

	/**
	 * A node's name as its span would have it.
	 * @param node the node
	 * @return such as {@code step 1 research-agent} or {@code chat gpt-4o}
	 */
	public static String name(RunNode node) {
		if (node.kind() == AgentOperation.Kind.AGENT_STEP) {
			return "step " + node.step() + " " + node.name();
		}
		return node.kind().defaultOperationName() + " " + node.name();
	}

}
