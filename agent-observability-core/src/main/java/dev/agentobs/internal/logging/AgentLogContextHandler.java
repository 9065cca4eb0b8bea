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
		ArrayDeque<String> stack = previous.get();
		stack.push(orAbsent(MDC.get(RUN_ID)));
		stack.push(orAbsent(MDC.get(CONVERSATION_ID)));
		MDC.put(RUN_ID, runId);
		put(CONVERSATION_ID, context.getConversationId());
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
		put(CONVERSATION_ID, stack.pop());
		put(RUN_ID, stack.pop());
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

	private static void put(String key, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			MDC.remove(key);
		}
		else {
			MDC.put(key, value);
		}
	}

	private static String orAbsent(@Nullable String value) {
		return (value != null) ? value : ABSENT;
	}

}
