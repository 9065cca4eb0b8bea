package dev.agentobs.internal.runs;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A finished agent run as the recent runs keep it: the tree of its operations and the totals
 * the list of runs shows and sorts by. Immutable.
 *
 * @param root the run's own node, with every operation kept under it
 * @param traceId the trace of the run's span, {@code null} when it was not traced
 * @param conversationId the conversation, or {@code null}
 * @param droppedOperations how many operations of the run, its sub-agent runs included, were
 * not kept
 * @param totals the sums over the operations kept
 * @since 0.1.0
 */
public record RecordedRun(RunNode root, @Nullable String traceId, @Nullable String conversationId,
		int droppedOperations, RunTotals totals) {

	/**
	 * The run's id.
	 * @return the id
	 */
	public String runId() {
		String runId = this.root.runId();
		return (runId != null) ? runId : "";
	}

	/**
	 * The run's agent.
	 * @return the agent's name
	 */
	public String agent() {
		return this.root.name();
	}

	/**
	 * When the run started.
	 * @return the start
	 */
	public Instant start() {
		return this.root.start();
	}

	/**
	 * How long the run took.
	 * @return the duration
	 */
	public Duration duration() {
		return Duration.ofNanos(this.root.durationNanos());
	}

	/**
	 * Whether the run failed.
	 * @return {@code true} when it ended with an error
	 */
	public boolean failed() {
		return this.root.failed();
	}

}
