package dev.agentobs.internal.bridge.langchain4j;

import dev.agentobs.internal.bridge.springai.OpenAiCompatibleServer;

import static dev.agentobs.internal.metrics.PrometheusSamples.lines;
import static dev.agentobs.internal.metrics.PrometheusSamples.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What a scrape shows after a LangChain4j AI service answered one question with the
 * {@code currentWeather} tool of {@link OpenAiCompatibleServer}: one run, two steps (the
 * request that asks for the tool and the one that answers from its result), the tool call and
 * the cost of both model calls, all charged to the service's agent.
 */
public final class WeatherAnswerSamples {

	private WeatherAnswerSamples() {
	}

	/**
	 * Assert the scrape shows one tool-using answer of the agent.
	 * @param scrape the scrape's text
	 * @param agentName the agent the service's runs are named after
	 * @param cacheReadTokens the input tokens LangChain4j reports as read from the cache
	 */
	public static void assertOneToolUsingAnswer(String scrape, String agentName, long cacheReadTokens) {
		String agent = "gen_ai_agent_name=\"" + agentName + "\"";
		assertThat(sample(scrape, "gen_ai_invoke_agent_duration_seconds_count", agent, "error_type=\"none\""))
			.isEqualTo(1);
		assertThat(sample(scrape, "agent_step_duration_seconds_count", agent, "error_type=\"none\"")).isEqualTo(2);
		assertThat(sample(scrape, "gen_ai_execute_tool_duration_seconds_count", agent,
				"gen_ai_tool_name=\"currentWeather\"", "error_type=\"none\""))
			.isEqualTo(1);
		// 60 + 80 input and 15 + 9 output tokens at $2.50 and $10.00 per million, the input tokens
		// the model call reported as read from the cache at $1.25
		assertThat(sample(scrape, "gen_ai_client_cost_usd_total", agent, "gen_ai_provider_name=\"openai\"",
				"gen_ai_request_model=\"gpt-4o\""))
			.isCloseTo(((140 - cacheReadTokens) * 2.50 + cacheReadTokens * 1.25 + 24 * 10.00) / 1_000_000,
					within(1e-12));
		assertThat(lines(scrape, "gen_ai_client_cost_usd_total", "gen_ai_agent_name=\"unknown\"")).isEmpty();
	}

}
