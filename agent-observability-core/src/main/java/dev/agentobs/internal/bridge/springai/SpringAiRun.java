package dev.agentobs.internal.bridge.springai;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

import dev.agentobs.observation.AgentObservationContext;

/**
 * The agent run a Spring AI call belongs to: a {@code ChatClient} call the bridge counts as a
 * run, or an agent operation observed through {@code AgentObservations} around the call.
 *
 * @param agentName the agent's name
 * @param runId the run's id
 * @param conversationId the conversation, or {@code null}
 * @param startNanos when a bridged run started ({@link System#nanoTime()}), 0 for runs observed
 * elsewhere
 * @param operationId the run's operation number (for its calls to name as the one they ran in)
 * @param parentOperationId the number of the operation the run ran inside, 0 for none
 */
record SpringAiRun(@Nullable String agentName, @Nullable String runId, @Nullable String conversationId,
		long startNanos, long operationId, long parentOperationId) {

	/**
	 * Find the run enclosing an observation, by walking its parents up to a {@code ChatClient}
	 * call the bridge counts as a run, or to an agent operation observed by the starter.
	 * @param view the observation to start from, or {@code null}
	 * @return the enclosing run, or {@code null} outside any run
	 */
	static @Nullable SpringAiRun enclosing(@Nullable ObservationView view) {
		ObservationView current = view;
		while (current != null) {
			Observation.ContextView context = current.getContextView();
			SpringAiRun run = context.get(SpringAiRun.class);
			if (run != null) {
				return run;
			}
			if (context instanceof AgentObservationContext agentContext) {
				return new SpringAiRun(agentContext.getAgentName(), agentContext.getRunId(),
						agentContext.getConversationId(), 0, agentContext.getOperationId(),
						agentContext.getParentOperationId());
			}
			current = context.getParentObservation();
		}
		return null;
	}

	/**
	 * The number of the operation an observation runs inside: the nearest call or run the
	 * bridge records, or agent operation observed by the starter, walking its parents.
	 * @param view the observation to start from, or {@code null}
	 * @return the operation's number, 0 when it is none or outside any run
	 */
	static long enclosingOperationId(@Nullable ObservationView view) {
		ObservationView current = view;
		while (current != null) {
			Observation.ContextView context = current.getContextView();
			SpringAiCallHandler.Call call = context.get(SpringAiCallHandler.Call.class);
			if (call != null) {
				return call.operationId();
			}
			SpringAiRun run = context.get(SpringAiRun.class);
			if (run != null) {
				return run.operationId();
			}
			if (context instanceof AgentObservationContext agentContext) {
				return agentContext.getOperationId();
			}
			current = context.getParentObservation();
		}
		return 0;
	}

}
