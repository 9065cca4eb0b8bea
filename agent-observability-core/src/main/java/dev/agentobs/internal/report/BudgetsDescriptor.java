package dev.agentobs.internal.report;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.agentobs.cost.AgentBudget;
import dev.agentobs.cost.BudgetLimit;
import dev.agentobs.internal.cost.RunLedgers;

/**
 * The agents' budgets and the runs they stopped, as {@code /actuator/agents} shows them.
 *
 * @param mode {@code enforce} (a run that spent its budget is stopped) or {@code report}
 * @param agents each agent with a configured budget or a stopped run, by name
 * @param lastStop the latest stop, or {@code null} when no run was stopped
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BudgetsDescriptor(String mode, Map<String, AgentBudgetDescriptor> agents,
		@Nullable LastStopDescriptor lastStop) {

	/**
	 * Describe the budgets.
	 * @param ledgers the ledgers of the runs and their budgets
	 * @return the descriptor
	 */
	public static BudgetsDescriptor of(RunLedgers ledgers) {
		Map<String, Map<String, Long>> stops = ledgers.stops();
		Map<String, Double> dailyCosts = ledgers.dailyCosts();
		TreeSet<String> names = new TreeSet<>(ledgers.agentBudgets().keySet());
		names.addAll(stops.keySet());
		Map<String, AgentBudgetDescriptor> agents = new LinkedHashMap<>();
		for (String name : names) {
			AgentBudget budget = ledgers.agentBudgets().get(name);
			Map<String, Long> agentStops = stops.get(name);
			Double dailyCost = dailyCosts.get(name);
			agents.put(name, new AgentBudgetDescriptor((budget != null) ? limits(budget) : Map.of(),
					(agentStops != null) ? agentStops : Map.of(), (dailyCost != null) ? JsonValues.cost(dailyCost) : null));
		}
		RunLedgers.BudgetStop last = ledgers.lastStop();
		return new BudgetsDescriptor(ledgers.enforce() ? "enforce" : "report", agents,
				(last != null) ? new LastStopDescriptor(last.agentName(), last.runId(), last.limit().key(),
						last.time().toString(), last.enforced()) : null);
	}

	private static Map<String, Object> limits(AgentBudget budget) {
		Map<String, Object> limits = new TreeMap<>();
		put(limits, BudgetLimit.MAX_TOKENS, budget.getMaxTokens());
		if (!Double.isNaN(budget.getMaxCost())) {
			limits.put(BudgetLimit.MAX_COST.key(), budget.getMaxCost());
		}
		put(limits, BudgetLimit.MAX_MODEL_CALLS, budget.getMaxModelCalls());
		put(limits, BudgetLimit.MAX_TOOL_CALLS, budget.getMaxToolCalls());
		put(limits, BudgetLimit.MAX_STEPS, budget.getMaxSteps());
		Duration maxDuration = budget.getMaxDuration();
		if (maxDuration != null) {
			limits.put(BudgetLimit.MAX_DURATION.key(), JsonValues.duration(maxDuration));
		}
		if (!Double.isNaN(budget.getDailyCost())) {
			limits.put(BudgetLimit.DAILY_COST.key(), budget.getDailyCost());
		}
		return limits;
	}

	private static void put(Map<String, Object> limits, BudgetLimit limit, long value) {
		if (value > 0) {
			limits.put(limit.key(), value);
		}
	}

	/**
	 * One agent's budget.
	 *
	 * @param limits its configured limits, by key
	 * @param stops the runs its limits stopped (or would have, in {@code report} mode), by
	 * limit key
	 * @param todayCost the cost of its runs today, when it has a {@code daily-cost}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AgentBudgetDescriptor(Map<String, Object> limits, Map<String, Long> stops,
			@Nullable Double todayCost) {

	}

	/**
	 * The latest run stopped by its budget.
	 *
	 * @param agent the run's agent
	 * @param runId the run's id
	 * @param limit the limit's key
	 * @param time when, ISO-8601
	 * @param stopped whether the run was stopped, {@code false} in {@code report} mode
	 */
	public record LastStopDescriptor(String agent, String runId, String limit, String time, boolean stopped) {

	}

}
