package dev.agentobs.sample.agent;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of a research run.
 *
 * @param answer the agent's answer
 * @param runId the run's id, as the logs and spans show it ({@code agent.run.id});
 * {@code null} when observability is off
 * @param traceId the id of the run's trace; {@code null} when tracing is off
 * @since 0.1.0
 */
public record ResearchResult(String answer, @Nullable String runId, @Nullable String traceId) {

}
