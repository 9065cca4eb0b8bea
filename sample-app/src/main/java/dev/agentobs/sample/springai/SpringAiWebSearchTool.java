package dev.agentobs.sample.springai;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import dev.agentobs.sample.SampleProfiles;
import dev.agentobs.sample.tool.SearchResult;
import dev.agentobs.sample.tool.ToolNames;
import dev.agentobs.sample.tool.WebSearchTool;

/**
 * The web search as a Spring AI tool. Spring AI observes each call, and the starter's bridge
 * makes it a {@code web_search} tool call of the agent run that asked for it.
 *
 * @since 0.1.0
 */
@Component
@Profile(SampleProfiles.SPRING_AI)
public class SpringAiWebSearchTool {

	private final WebSearchTool webSearch;

	public SpringAiWebSearchTool(WebSearchTool webSearch) {
		this.webSearch = webSearch;
	}

	/**
	 * Search the web.
	 * @param query what to search for
	 * @return the results, one {@code title (url): snippet} a line
	 */
	@Tool(name = ToolNames.WEB_SEARCH, description = "Search the web; returns the best pages, one a line")
	public String search(@ToolParam(description = "What to search for, such as: vector database market") String query) {
		StringBuilder results = new StringBuilder("Search results for: ").append(query);
		for (SearchResult result : this.webSearch.search(query)) {
			results.append('\n').append(result.toText());
		}
		return results.toString();
	}

}
