package dev.agentobs.internal.bridge.springai;

import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;
import org.springframework.util.Assert;

import dev.agentobs.internal.budget.RunLedger;
import dev.agentobs.internal.cost.RunLedgers;
import dev.agentobs.internal.support.ResolvedOnce;
import dev.agentobs.observation.AgentObservationContext;

/**
 * Stops a Spring AI model or tool call about to start in an agent run that has spent its
 * budget: its start throws {@link dev.agentobs.cost.AgentBudgetExceededException}, before
 * Spring AI sends the model's HTTP request or runs the tool. Spring AI starts its model call's
 * observation inside the call, before the request, in every version and for the calls of the
 * tool loop a model runs itself, which an advisor of the {@code ChatClient} does not see. It
 * must be the first handler (highest precedence), so that no other handler has started
 * anything (a span, a timer) for the call it stops.
 *
 * @since 0.1.0
 */
public class SpringAiBudgetHandler implements ObservationHandler<Observation.Context> {

	private final ResolvedOnce<RunLedgers> ledgers;

	/**
	 * Create the handler.
	 * @param ledgers supplies the ledgers of the runs in progress, read when first needed (the
	 * handler is created with the observation registry, the ledgers need not be)
	 */
	public SpringAiBudgetHandler(Supplier<? extends @Nullable RunLedgers> ledgers) {
		Assert.notNull(ledgers, "ledgers must not be null");
		this.ledgers = new ResolvedOnce<>(ledgers);
	}

	@Override
	public void onStart(Observation.Context context) {
		ObservationView current = context.getParentObservation();
		while (current != null) {
			Observation.ContextView parent = current.getContextView();
			SpringAiRun run = parent.get(SpringAiRun.class);
			if (run != null) {
				RunLedgers ledgers = this.ledgers.get();
				if (ledgers != null) {
					ledgers.check(run.runId());
				}
				return;
			}
			if (parent instanceof AgentObservationContext agentContext) {
				RunLedger ledger = agentContext.getLedger();
				if (ledger != null) {
					ledger.check();
				}
				return;
			}
			current = parent.getParentObservation();
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext || context instanceof ToolCallingObservationContext;
	}

}
