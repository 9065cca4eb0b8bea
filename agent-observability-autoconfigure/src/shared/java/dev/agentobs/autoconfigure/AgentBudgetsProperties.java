package dev.agentobs.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import dev.agentobs.cost.AgentBudget;

/**
 * Budgets of agent runs, under {@code monitoring.budgets.*}: what one run of an agent may
 * spend, and its agent in a day, before the next step, model call or tool call started in the
 * run throws AgentBudgetExceededException.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("monitoring.budgets")
public class AgentBudgetsProperties implements Validator {

	/**
	 * What happens when a run has spent its budget: enforce stops it (its next step, model call
	 * or tool call throws AgentBudgetExceededException); report lets it go on. Both count the
	 * stop in agent_budget_exceeded_total, log it once per run and fire the AgentBudgetExceeded
	 * alert.
	 */
	private Mode mode = Mode.ENFORCE;

	/**
	 * The budget of each agent, keyed by the agent's name (gen_ai.agent.name). Put names with
	 * dots or other punctuation in brackets: "[billing.agent]".
	 */
	private final Map<String, Budget> agents = new LinkedHashMap<>();

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public Map<String, Budget> getAgents() {
		return this.agents;
	}

	/**
	 * The configured budgets as the core takes them.
	 * @return the budget of each agent with at least one limit, by name
	 */
	Map<String, AgentBudget> agentBudgets() {
		Map<String, AgentBudget> budgets = new LinkedHashMap<>();
		this.agents.forEach((name, budget) -> {
			AgentBudget agentBudget = budget.toAgentBudget();
			if (!agentBudget.isUnlimited()) {
				budgets.put(name, agentBudget);
			}
		});
		return budgets;
	}

	@Override
	public boolean supports(Class<?> type) {
		return AgentBudgetsProperties.class == type || Budget.class == type;
	}

	@Override
	public void validate(Object target, Errors errors) {
		if (target instanceof Budget budget) {
			budget.validate(errors);
		}
	}

	/**
	 * What a run that has spent its budget meets.
	 */
	public enum Mode {

		/** The run's next step, model call or tool call throws AgentBudgetExceededException. */
		ENFORCE,

		/** The run goes on; the stop is only counted and logged. */
		REPORT

	}

	/**
	 * The limits of one agent's runs; a limit not set is no limit.
	 */
	public static class Budget {

		/**
		 * The most tokens (input and output) of one run's model calls, its sub-agents'
		 * included.
		 */
		private @Nullable Long maxTokens;

		/**
		 * The most USD one run's model calls may cost, its sub-agents' included.
		 */
		private @Nullable Double maxCost;

		/**
		 * The most model calls of one run, its sub-agents' included.
		 */
		private @Nullable Long maxModelCalls;

		/**
		 * The most tool calls of one run, its sub-agents' included.
		 */
		private @Nullable Long maxToolCalls;

		/**
		 * The most steps of one run, its sub-agents' included.
		 */
		private @Nullable Long maxSteps;

		/**
		 * The longest one run may go on: no step, model call or tool call starts after it.
		 */
		private @Nullable Duration maxDuration;

		/**
		 * The most USD the agent's runs may cost in a day (monitoring.cost.zone), on this
		 * instance: each replica counts its own.
		 */
		private @Nullable Double dailyCost;

		public @Nullable Long getMaxTokens() {
			return this.maxTokens;
		}

		public void setMaxTokens(@Nullable Long maxTokens) {
			this.maxTokens = maxTokens;
		}

		public @Nullable Double getMaxCost() {
			return this.maxCost;
		}

		public void setMaxCost(@Nullable Double maxCost) {
			this.maxCost = maxCost;
		}

		public @Nullable Long getMaxModelCalls() {
			return this.maxModelCalls;
		}

		public void setMaxModelCalls(@Nullable Long maxModelCalls) {
			this.maxModelCalls = maxModelCalls;
		}

		public @Nullable Long getMaxToolCalls() {
			return this.maxToolCalls;
		}

		public void setMaxToolCalls(@Nullable Long maxToolCalls) {
			this.maxToolCalls = maxToolCalls;
		}

		public @Nullable Long getMaxSteps() {
			return this.maxSteps;
		}

		public void setMaxSteps(@Nullable Long maxSteps) {
			this.maxSteps = maxSteps;
		}

		public @Nullable Duration getMaxDuration() {
			return this.maxDuration;
		}

		public void setMaxDuration(@Nullable Duration maxDuration) {
			this.maxDuration = maxDuration;
		}

		public @Nullable Double getDailyCost() {
			return this.dailyCost;
		}

		public void setDailyCost(@Nullable Double dailyCost) {
			this.dailyCost = dailyCost;
		}

		private void validate(Errors errors) {
			count(errors, "max-tokens", this.maxTokens);
			usd(errors, "max-cost", this.maxCost);
			count(errors, "max-model-calls", this.maxModelCalls);
			count(errors, "max-tool-calls", this.maxToolCalls);
			count(errors, "max-steps", this.maxSteps);
			if (this.maxDuration != null) {
				PropertyErrors.check(errors, !this.maxDuration.isZero() && !this.maxDuration.isNegative(),
						"max-duration", this.maxDuration, "a duration above 0, such as 2m");
			}
			usd(errors, "daily-cost", this.dailyCost);
		}

		private static void count(Errors errors, String field, @Nullable Long value) {
			if (value != null) {
				PropertyErrors.check(errors, value >= 1, field, value, "1 or more");
			}
		}

		private static void usd(Errors errors, String field, @Nullable Double value) {
			if (value != null) {
				PropertyErrors.check(errors, value > 0 && !value.isInfinite(), field, value,
						"a number of USD above 0, such as 0.50");
			}
		}

		AgentBudget toAgentBudget() {
			AgentBudget budget = AgentBudget.unlimited();
			if (this.maxTokens != null) {
				budget = budget.maxTokens(this.maxTokens);
			}
			if (this.maxCost != null) {
				budget = budget.maxCost(this.maxCost);
			}
			if (this.maxModelCalls != null) {
				budget = budget.maxModelCalls(this.maxModelCalls);
			}
			if (this.maxToolCalls != null) {
				budget = budget.maxToolCalls(this.maxToolCalls);
			}
			if (this.maxSteps != null) {
				budget = budget.maxSteps(this.maxSteps);
			}
			if (this.maxDuration != null) {
				budget = budget.maxDuration(this.maxDuration);
			}
			if (this.dailyCost != null) {
				budget = budget.dailyCost(this.dailyCost);
			}
			return budget;
		}

	}

}
