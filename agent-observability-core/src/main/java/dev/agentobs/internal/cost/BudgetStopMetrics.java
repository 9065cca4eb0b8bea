package dev.agentobs.internal.cost;

import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.agentobs.internal.metrics.TagValueLimiter;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.observation.GenAiAttributes;

/**
 * Counts the runs stopped by their budget (or, in {@code report} mode, that would have been)
 * in {@code agent_budget_exceeded_total{gen_ai_agent_name,limit}}.
 *
 * @since 0.1.0
 */
public class BudgetStopMetrics implements Consumer<RunLedgers.BudgetStop> {

	/** Every stop of a run by its budget: {@code agent_budget_exceeded_total}. */
	public static final String BUDGET_EXCEEDED = "agent.budget.exceeded";

	private final MeterRegistry registry;

	private final TagValueLimiter agents;

	/**
	 * Create the counter's recorder.
	 * @param registry where the counter is registered
	 * @param limits the caps on label values, shared with the other metrics
	 */
	public BudgetStopMetrics(MeterRegistry registry, TagValueLimits limits) {
		this.registry = registry;
		this.agents = limits.forLabel(GenAiAttributes.AGENT_NAME.key());
	}

	@Override
	public void accept(RunLedgers.BudgetStop stop) {
		Counter.builder(BUDGET_EXCEEDED)
			.description("Agent runs that reached a limit of their budget")
			.tag(GenAiAttributes.AGENT_NAME.key(), this.agents.limit(stop.agentName()))
			.tag("limit", stop.limit().key())
			.register(this.registry)
			.increment();
	}

}
