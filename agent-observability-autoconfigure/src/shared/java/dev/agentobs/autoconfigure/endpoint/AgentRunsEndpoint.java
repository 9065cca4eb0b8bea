package dev.agentobs.autoconfigure.endpoint;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import dev.agentobs.internal.report.RunDescriptor;
import dev.agentobs.internal.report.RunsDescriptor;
import dev.agentobs.internal.runs.RecentRuns;
import dev.agentobs.internal.runs.RecordedRun;
import dev.agentobs.internal.runs.RunOrder;

/**
 * {@code /actuator/agentruns}: the last finished agent runs, newest first, filtered by agent
 * ({@code ?agent=research-agent}), failed runs only ({@code ?failed=true}), in another order
 * ({@code ?sort=slowest} or {@code ?sort=costliest}) and cut to a number
 * ({@code ?limit=20}); {@code /actuator/agentruns/{runId}} one run as the tree of its
 * operations.
 *
 * @since 0.1.0
 */
@Endpoint(id = "agentruns")
public class AgentRunsEndpoint {

	private final RecentRuns runs;

	/**
	 * Create the endpoint.
	 * @param runs the runs it shows
	 */
	public AgentRunsEndpoint(RecentRuns runs) {
		this.runs = runs;
	}

	/**
	 * The runs kept that match the filters. Every parameter is optional.
	 * @param agent only the runs of this agent
	 * @param failed {@code true} for only the runs that failed
	 * @param sort {@code recent} (the default), {@code slowest} or {@code costliest}
	 * @param limit the most runs to list, 1 or more
	 * @return the runs, for JSON
	 */
	@ReadOperation
	@SuppressWarnings("deprecation") // Spring's @Nullable: what Spring Boot 3.5 reads as optional
	public RunsDescriptor runs(@org.springframework.lang.Nullable @Nullable String agent,
			@org.springframework.lang.Nullable @Nullable Boolean failed,
			@org.springframework.lang.Nullable @Nullable String sort,
			@org.springframework.lang.Nullable @Nullable Integer limit) {
		RunOrder order;
		try {
			order = RunOrder.of(sort);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEndpointRequestException(ex.getMessage(), ex.getMessage());
		}
		if (limit != null && limit < 1) {
			String message = "limit must be 1 or more, was " + limit;
			throw new InvalidEndpointRequestException(message, message);
		}
		return RunsDescriptor.of(this.runs, (agent != null && !agent.isBlank()) ? agent : null,
				Boolean.TRUE.equals(failed), order, (limit != null) ? limit : Integer.MAX_VALUE);
	}

	/**
	 * One run with its tree.
	 * @param runId the run's id
	 * @return the run, for JSON, or {@code null} (404) when it is not kept
	 */
	@ReadOperation
	public @Nullable RunDescriptor run(@Selector String runId) {
		RecordedRun run = this.runs.run(runId);
		return (run != null) ? RunDescriptor.of(run) : null;
	}

}
