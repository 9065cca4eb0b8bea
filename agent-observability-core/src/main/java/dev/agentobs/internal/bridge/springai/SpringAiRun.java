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
 */
record SpringAiRun(@Nullable String agentName, @Nullable String runId, @Nullable String conversationId,
		long startNanos) {

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
						agentContext.getConversationId(), 0);
			}
			current = context.getParentObservation();
		}
		return null;
	}

}
