package dev.agentobs.sample.agent;

import org.jspecify.annotations.Nullable;

import dev.agentobs.sample.llm.ModelException;

/**
 * A research run that ended without an answer, with the ids to find it by in logs and traces.
 *
 * @since 0.1.0
 */
public class ResearchFailedException extends RuntimeException {

	private final @Nullable String runId;

	private final @Nullable String traceId;

	private final boolean providerFailure;

	/**
	 * Create the exception for a run that failed because of its cause, a provider failure when
	 * the cause is a {@link ModelException}.
	 * @param runId the run's id, {@code null} when not known
	 * @param traceId the id of the run's trace, {@code null} when not known
	 * @param cause why the run failed
	 */
	public ResearchFailedException(@Nullable String runId, @Nullable String traceId, Throwable cause) {
		this(runId, traceId, cause, cause instanceof ModelException);
	}

	/**
	 * Create the exception.
	 * @param runId the run's id, {@code null} when not known
	 * @param traceId the id of the run's trace, {@code null} when not known
	 * @param cause why the run failed
	 * @param providerFailure whether the model provider failed, rather than the agent
	 */
	public ResearchFailedException(@Nullable String runId, @Nullable String traceId, Throwable cause,
			boolean providerFailure) {
		super("Research run " + runId + " failed: " + cause.getMessage(), cause);
		this.runId = runId;
		this.traceId = traceId;
		this.providerFailure = providerFailure;
	}

	public @Nullable String getRunId() {
		return this.runId;
	}

	public @Nullable String getTraceId() {
		return this.traceId;
	}

	/**
	 * Whether the run failed because the model provider did (an outage, a rate limit), not
	 * because of the agent itself.
	 * @return {@code true} for a provider failure
	 */
	public boolean isProviderFailure() {
		return this.providerFailure;
	}

}
