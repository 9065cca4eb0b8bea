package dev.agentobs.internal.logging;

import java.util.ArrayDeque;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import dev.agentobs.observation.AgentObservationContext;
import dev.agentobs.observation.GenAiAttributes;

/**
 * Puts the agent run id and conversation id in the MDC while an agent operation's scope is
 * open, on whichever thread opens it, and puts back what was there when the scope closes.
 * Every log line written inside an agent run can then be found by its run.
 *
 * @since 0.1.0
 */
public class AgentLogContextHandler implements ObservationHandler<AgentObservationContext> {

	/** The MDC key of the agent run id. */
	public static final String RUN_ID = GenAiAttributes.AGENT_RUN_ID.key();

	/** The MDC key of the conversation id. */
	public static final String CONVERSATION_ID = GenAiAttributes.CONVERSATION_ID.key();

	// ArrayDeque takes no nulls: this stands for "the key was absent"
	private static final String ABSENT = "";

	private static final ThreadLocal<ArrayDeque<String>> previous = ThreadLocal.withInitial(ArrayDeque::new);

	@Override
	public void onScopeOpened(AgentObservationContext context) {
		String runId = context.getRunId();
		if (runId == null) {
			return;
		}
		String previousRunId = MDC.get(RUN_ID);
		String previousConversationId = MDC.get(CONVERSATION_ID);
		ArrayDeque<String> stack = previous.get();
		stack.push(orAbsent(previousRunId));
		stack.push(orAbsent(previousConversationId));
		// An operation of a run has the run's ids, which the MDC usually holds already
		set(RUN_ID, previousRunId, runId);
		set(CONVERSATION_ID, previousConversationId, context.getConversationId());
	}

	@Override
	public void onScopeClosed(AgentObservationContext context) {
		if (context.getRunId() == null) {
			return;
		}
		ArrayDeque<String> stack = previous.get();
		if (stack.size() < 2) {
			clear();
			return;
		}
		set(CONVERSATION_ID, MDC.get(CONVERSATION_ID), stack.pop());
		set(RUN_ID, MDC.get(RUN_ID), stack.pop());
	}

	@Override
	public void onScopeReset(AgentObservationContext context) {
		previous.get().clear();
		clear();
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof AgentObservationContext;
	}

	private static void clear() {
		MDC.remove(RUN_ID);
		MDC.remove(CONVERSATION_ID);
	}

	/**
	 * Put a value in the MDC, or remove the key for none, unless the MDC holds that already:
	 * each change costs a write, and the logging system a copy of the MDC for its next event.
	 */
	private static void set(String key, @Nullable String current, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			if (current != null) {
				MDC.remove(key);
			}
		}
		else if (!value.equals(current)) {
			MDC.put(key, value);
		}
	}

	private static String orAbsent(@Nullable String value) {
		return (value != null) ? value : ABSENT;
	}

}
