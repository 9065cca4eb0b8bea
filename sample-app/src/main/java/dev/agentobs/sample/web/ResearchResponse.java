package dev.agentobs.sample.web;

import org.jspecify.annotations.Nullable;

import dev.agentobs.sample.agent.ResearchResult;

/**
 * The answer of {@code POST /api/research}.
 *
 * @param answer the agent's answer
 * @param runId the id of the agent run: search the logs for {@code agent.run.id}
 * @param traceId the id of the run's trace: look it up in the tracing backend
 * @since 0.1.0
 */
public record ResearchResponse(String answer, @Nullable String runId, @Nullable String traceId) {

	static ResearchResponse of(ResearchResult result) {
		return new ResearchResponse(result.answer(), result.runId(), result.traceId());
	}

}
