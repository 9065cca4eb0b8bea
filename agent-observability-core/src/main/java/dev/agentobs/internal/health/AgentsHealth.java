package dev.agentobs.internal.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The health of the agents at one moment: a status, why it is not plainly UP, and the
 * details. Immutable.
 *
 * @param status the status
 * @param reason why the status is what it is (insufficient data, or the threshold reached),
 * or {@code null} when the agents are plainly UP
 * @param details the details in the order they are shown: strings, numbers, lists, maps and
 * descriptors that a JSON mapper writes as they are
 * @since 0.1.0
 */
public record AgentsHealth(Status status, @Nullable String reason, Map<String, Object> details) {

	public AgentsHealth {
		details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
	}

	/**
	 * How the agents fare.
	 */
	public enum Status {

		/** They work, or too few requests were seen to judge. */
		UP,

		/**
		 * They work but too many requests fail or take too long. A health endpoint should
		 * rank it between DOWN and UP and keep answering 200: a slow model provider must not
		 * take an instance out of service.
		 */
		DEGRADED,

		/** Too many requests fail. */
		DOWN

	}

	/**
	 * The tokens of the window and of the day.
	 *
	 * @param window the tokens of the requests within the window
	 * @param today the tokens of the day, or {@code null} when cost is not tracked
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Tokens(TokenCount window, @Nullable TokenCount today) {

	}

	/**
	 * A count of input and output tokens, and of the kinds within them when there were any.
	 *
	 * @param input the input tokens
	 * @param output the output tokens
	 * @param cacheRead the input tokens read from a prompt cache, or {@code null} when none
	 * @param cacheWrite the input tokens written to a prompt cache, or {@code null} when none
	 * @param reasoning the output tokens spent reasoning, or {@code null} when none
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record TokenCount(long input, long output, @Nullable Long cacheRead, @Nullable Long cacheWrite,
			@Nullable Long reasoning) {

		/**
		 * A count of input and output tokens only.
		 * @param input the input tokens
		 * @param output the output tokens
		 */
		public TokenCount(long input, long output) {
			this(input, output, null, null, null);
		}

	}

	/**
	 * The window of one agent in the details: its summary with the runs in progress.
	 *
	 * @param requests how many runs finished
	 * @param errors how many of them failed
	 * @param successRate the fraction that succeeded, to four places
	 * @param errorRate the fraction that failed, to four places
	 * @param averageResponseTime their mean duration, ISO-8601
	 * @param p95ResponseTime the duration 95% of them did not exceed, ISO-8601
	 * @param inputTokens the input tokens of the model calls made in them
	 * @param outputTokens the output tokens of the model calls made in them
	 * @param activeRuns the runs in progress
	 */
	public record AgentWindow(long requests, long errors, double successRate, double errorRate,
			String averageResponseTime, String p95ResponseTime, long inputTokens, long outputTokens, int activeRuns) {

	}

}
