package dev.agentobs.internal.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

import dev.agentobs.cost.AgentUsageContext;
import dev.agentobs.internal.cost.RunLedgers;

import dev.agentobs.observation.AgentObservationContext;
import dev.agentobs.observation.AgentRunContext;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentRun;

/**
 * Turns every finished agent observation into one {@link dev.agentobs.operation.AgentOperation}
 * and hands it to the sinks; opens the ledger of each agent run when it starts and closes it
 * when it stops.
 *
 * @since 0.1.0
 */
public class AgentOperationHandler implements ObservationHandler<AgentObservationContext> {

	private final AgentOperationDispatcher dispatcher;

	private final @Nullable RunLedgers ledgers;

	public AgentOperationHandler(AgentOperationDispatcher dispatcher) {
		this(dispatcher, null);
	}

	/**
	 * Create the handler.
	 * @param dispatcher hands the operations to the sinks
	 * @param ledgers keeps the ledger of each run in progress, or {@code null} for none
	 */
	public AgentOperationHandler(AgentOperationDispatcher dispatcher, @Nullable RunLedgers ledgers) {
		this.dispatcher = dispatcher;
		this.ledgers = ledgers;
	}

	@Override
	public void onStart(AgentObservationContext context) {
		context.markStarted();
		RunLedgers ledgers = this.ledgers;
		if (ledgers != null && context instanceof AgentRunContext run) {
			String runId = run.getRunId();
			if (runId != null) {
				AgentUsageContext current = AgentUsageContext.current();
				if (run.getConversationId() == null && current != null) {
					run.setConversationId(current.getConversationId());
				}
				run.setLedger(ledgers.started(run.getAgentName(), runId, run.getParentRunId(), run.getBudget(),
						AgentUsageContext.of(run.getUserId(), run.getTenantId(), null)));
			}
		}
	}

	@Override
	public void onStop(AgentObservationContext context) {
		AgentOperation operation = context.getOperation();
		this.dispatcher.dispatch(operation);
		RunLedgers ledgers = this.ledgers;
		if (ledgers != null && operation instanceof AgentRun run) {
			ledgers.finished(run);
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof AgentObservationContext;
	}

}
