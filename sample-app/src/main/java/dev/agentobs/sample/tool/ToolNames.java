package dev.agentobs.sample.tool;

/**
 * The names of the tools the agents offer their model. They become the
 * {@code gen_ai.tool.name} of spans and the {@code gen_ai_tool_name} label of metrics.
 *
 * @since 0.1.0
 */
public final class ToolNames {

	/** Searches the web. */
	public static final String WEB_SEARCH = "web_search";

	/** Evaluates an arithmetic expression. */
	public static final String CALCULATOR = "calculator";

	/** Asks the fact-checker sub-agent whether a claim holds. */
	public static final String FACT_CHECK = "fact_check";

	private ToolNames() {
	}

}
