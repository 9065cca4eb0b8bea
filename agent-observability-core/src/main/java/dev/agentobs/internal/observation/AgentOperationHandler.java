package dev.agentobs.internal.observation;

import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

import dev.agentobs.cost.AgentUsageContext;
import dev.agentobs.internal.cost.RunLedgers;
import dev.agentobs.internal.support.ResolvedOnce;

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

	private final ResolvedOnce<RunLedgers> ledgers;

	public AgentOperationHandler(AgentOperationDispatcher dispatcher) {
		this(dispatcher, () -> null);
	}

	/**
	 * Create the handler.
	 * @param dispatcher hands the operations to the sinks
	 * @param ledgers keeps the ledger of each run in progress, or {@code null} for none
	 */
	public AgentOperationHandler(AgentOperationDispatcher dispatcher, @Nullable RunLedgers ledgers) {
		this(dispatcher, () -> ledgers);
	}

	/**
	 * Create the handler with the ledgers read when first needed, so that whoever creates the
	 * handler early (with the observation registry) does not create them (and bind their
	 * properties) with it.
	 * @param dispatcher hands the operations to the sinks
	 * @param ledgers supplies what keeps the ledger of each run in progress, or {@code null}
	 */
	public AgentOperationHandler(AgentOperationDispatcher dispatcher, Supplier<? extends @Nullable RunLedgers> ledgers) {
		this.dispatcher = dispatcher;
		this.ledgers = new ResolvedOnce<>(ledgers);
	}

	@Override
	public void onStart(AgentObservationContext context) {
		context.markStarted();
		if (context instanceof AgentRunContext run) {
			RunLedgers ledgers = this.ledgers.get();
			if (ledgers == null) {
				return;
			}
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
		if (operation instanceof AgentRun run) {
			RunLedgers ledgers = this.ledgers.get();
			if (ledgers != null) {
				ledgers.finished(run);
			}
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof AgentObservationContext;
	}

}
