package dev.agentobs.internal.budget;

/**
 * Stops an operation about to start in a run that has spent its budget.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface BudgetGuard {

	/**
	 * Check that a run and every run it is a sub-agent of have budget left.
	 * @param ledger the ledger of the run an operation is about to start in
	 * @throws dev.agentobs.cost.AgentBudgetExceededException when a budget is spent and
	 * budgets are enforced
	 */
	void check(RunLedger ledger);

}
