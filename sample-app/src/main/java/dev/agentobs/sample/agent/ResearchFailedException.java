package dev.agentobs.sample.agent;

import org.jspecify.annotations.Nullable;

/**
 * A research run that ended without an answer, with the ids to find it by in logs and traces.
 *
 * @since 0.1.0
 */
public class ResearchFailedException extends RuntimeException {

	private final @Nullable String runId;

	private final @Nullable String traceId;

	public ResearchFailedException(@Nullable String runId, @Nullable String traceId, Throwable cause) {
		super("Research run " + runId + " failed: " + cause.getMessage(), cause);
		this.runId = runId;
		this.traceId = traceId;
	}

	public @Nullable String getRunId() {
		return this.runId;
	}

	public @Nullable String getTraceId() {
		return this.traceId;
	}

}
