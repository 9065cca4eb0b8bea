package dev.agentobs.internal.report;

import dev.agentobs.internal.runs.RecordedRun;

/**
 * One finished agent run with its tree, as {@code /actuator/agentruns/{runId}} shows it.
 *
 * @param run what the list of runs shows of it
 * @param tree the run and every operation kept under it
 * @since 0.1.0
 */
public record RunDescriptor(RunSummaryDescriptor run, RunNodeDescriptor tree) {

	/**
	 * Describe a run.
	 * @param run the run
	 * @return its descriptor
	 */
	public static RunDescriptor of(RecordedRun run) {
		return new RunDescriptor(RunSummaryDescriptor.of(run), RunNodeDescriptor.of(run.root()));
	}

}
