package dev.agentobs.internal.budget;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.agentobs.cost.AgentBudget;
import dev.agentobs.cost.AgentBudgetExceededException;
import dev.agentobs.cost.AgentUsageContext;
import dev.agentobs.cost.BudgetLimit;
import dev.agentobs.internal.support.SaturatingSum;
import dev.agentobs.operation.RunUsage;
import dev.agentobs.operation.TokenUsage;

/**
 * What one agent run in progress has spent: tokens by kind, cost, model calls, tool calls and
 * steps, its sub-agents' included (a sub-agent's ledger adds to its parent's). One small object
 * per run, updated without locks from every thread the run's operations finish on.
 *
 * @since 0.1.0
 */
public final class RunLedger {

	private static final VarHandle INPUT;

	private static final VarHandle OUTPUT;

	private static final VarHandle CACHE_READ;

	private static final VarHandle CACHE_WRITE;

	private static final VarHandle REASONING;

	private static final VarHandle COST_BITS;

	private static final VarHandle MODEL_CALLS;

	private static final VarHandle UNPRICED;

	private static final VarHandle TOOL_CALLS;

	private static final VarHandle STEPS;

	private static final VarHandle STOPPED;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			INPUT = lookup.findVarHandle(RunLedger.class, "input", long.class);
			OUTPUT = lookup.findVarHandle(RunLedger.class, "output", long.class);
			CACHE_READ = lookup.findVarHandle(RunLedger.class, "cacheRead", long.class);
			CACHE_WRITE = lookup.findVarHandle(RunLedger.class, "cacheWrite", long.class);
			REASONING = lookup.findVarHandle(RunLedger.class, "reasoning", long.class);
			COST_BITS = lookup.findVarHandle(RunLedger.class, "costBits", long.class);
			MODEL_CALLS = lookup.findVarHandle(RunLedger.class, "modelCalls", long.class);
			UNPRICED = lookup.findVarHandle(RunLedger.class, "unpriced", long.class);
			TOOL_CALLS = lookup.findVarHandle(RunLedger.class, "toolCalls", long.class);
			STEPS = lookup.findVarHandle(RunLedger.class, "steps", long.class);
			STOPPED = lookup.findVarHandle(RunLedger.class, "stopped", BudgetLimit.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final String agentName;

	private final String runId;

	private final @Nullable RunLedger parent;

	private final AgentBudget budget;

	private final boolean budgetOfRun;

	private final boolean enforced;

	private final long startNanos;

	private final @Nullable DailyCost dailyCost;

	private final BudgetGuard guard;

	private final @Nullable AgentUsageContext owner;

	// Whether this run or a run it is a sub-agent of has a limit: runs without one skip the checks
	private final boolean limited;

	private volatile long input;

	private volatile long output;

	private volatile long cacheRead;

	private volatile long cacheWrite;

	private volatile long reasoning;

	// The cost as the bits of a double, so that it adds up without a lock
	private volatile long costBits;

	private volatile long modelCalls;

	private volatile long unpriced;

	private volatile long toolCalls;

	private volatile long steps;

	private volatile @Nullable BudgetLimit stopped;

	/**
	 * Open the ledger of a run that starts now.
	 * @param agentName the run's agent
	 * @param runId the run's id
	 * @param parent the ledger of the run this one is a sub-agent of, or {@code null}
	 * @param budget the run's budget, {@link AgentBudget#unlimited()} for none
	 * @param budgetOfRun whether the budget was given for this run (its limits are raised in
	 * code) rather than configured for the agent (raised by its keys)
	 * @param enforced whether reaching a limit stops the run, rather than being only reported
	 * @param dailyCost the agent's cost today, kept when its budget has a {@code daily-cost}, or
	 * {@code null}
	 * @param guard what stops an operation of the run once a budget is spent
	 * @param owner the user, tenant and conversation the run works for, or {@code null}
	 */
	public RunLedger(String agentName, String runId, @Nullable RunLedger parent, AgentBudget budget,
			boolean budgetOfRun, boolean enforced, @Nullable DailyCost dailyCost, BudgetGuard guard,
			@Nullable AgentUsageContext owner) {
		this.agentName = agentName;
		this.runId = runId;
		this.parent = parent;
		this.budget = budget;
		this.budgetOfRun = budgetOfRun;
		this.enforced = enforced;
		this.startNanos = System.nanoTime();
		this.dailyCost = dailyCost;
		this.guard = guard;
		this.owner = owner;
		this.limited = !budget.isUnlimited() || (parent != null && parent.limited);
	}

	/**
	 * Add a finished model call, to this run and every run it is a sub-agent of.
	 * @param tokens its tokens
	 * @param cost its cost in USD, {@link Double#NaN} when its model has no price
	 */
	public void addModelCall(TokenUsage tokens, double cost) {
		for (RunLedger ledger = this; ledger != null; ledger = ledger.parent) {
			add(ledger, MODEL_CALLS, 1);
			add(ledger, INPUT, tokens.input());
			add(ledger, OUTPUT, tokens.output());
			add(ledger, CACHE_READ, tokens.cachedInput());
			add(ledger, CACHE_WRITE, tokens.cacheWriteInput());
			add(ledger, REASONING, tokens.reasoningOutput());
			if (ledger.dailyCost != null) {
				ledger.dailyCost.add(cost);
			}
			if (Double.isNaN(cost)) {
				add(ledger, UNPRICED, 1);
			}
			else if (cost > 0) {
				long bits;
				do {
					bits = ledger.costBits;
				}
				while (!COST_BITS.compareAndSet(ledger, bits, Double.doubleToRawLongBits(Double.longBitsToDouble(bits) + cost)));
			}
		}
	}

	/**
	 * Add a finished tool call, to this run and every run it is a sub-agent of.
	 */
	public void addToolCall() {
		for (RunLedger ledger = this; ledger != null; ledger = ledger.parent) {
			add(ledger, TOOL_CALLS, 1);
		}
	}

	/**
	 * Add a finished step, to this run and every run it is a sub-agent of.
	 */
	public void addStep() {
		for (RunLedger ledger = this; ledger != null; ledger = ledger.parent) {
			add(ledger, STEPS, 1);
		}
	}

	private static void add(RunLedger ledger, VarHandle counter, long amount) {
		if (amount != 0) {
			long current;
			do {
				current = (long) counter.getVolatile(ledger);
			}
			while (!counter.compareAndSet(ledger, current, SaturatingSum.add(current, amount)));
		}
	}

	/**
	 * Check, before a step, model call or tool call starts in the run, that it and every run
	 * it is a sub-agent of have budget left. Costs a field read for runs without budgets.
	 * @throws dev.agentobs.cost.AgentBudgetExceededException when a budget is spent and
	 * budgets are enforced
	 */
	public void check() {
		if (this.limited) {
			this.guard.check(this);
		}
	}

	/**
	 * The ledger, this one or one of the runs it is a sub-agent of, whose run has reached a
	 * limit of its budget.
	 * @param nanoTime the current {@link System#nanoTime()}
	 * @return the first such ledger, or {@code null} while every budget holds
	 */
	public @Nullable RunLedger exceeded(long nanoTime) {
		if (!this.limited) {
			return null;
		}
		for (RunLedger ledger = this; ledger != null; ledger = ledger.parent) {
			if (ledger.limitReached(nanoTime) != null) {
				return ledger;
			}
		}
		return null;
	}

	/**
	 * The limit of this run's own budget it has reached.
	 * @param nanoTime the current {@link System#nanoTime()}
	 * @return the limit, or {@code null} while the budget holds
	 */
	public @Nullable BudgetLimit limitReached(long nanoTime) {
		AgentBudget budget = this.budget;
		long maxTokens = budget.getMaxTokens();
		if (maxTokens > 0 && tokens() >= maxTokens) {
			return BudgetLimit.MAX_TOKENS;
		}
		if (cost() >= budget.getMaxCost()) {
			// false while the limit is NaN: no limit
			return BudgetLimit.MAX_COST;
		}
		if (budget.getMaxModelCalls() > 0 && this.modelCalls >= budget.getMaxModelCalls()) {
			return BudgetLimit.MAX_MODEL_CALLS;
		}
		if (budget.getMaxToolCalls() > 0 && this.toolCalls >= budget.getMaxToolCalls()) {
			return BudgetLimit.MAX_TOOL_CALLS;
		}
		if (budget.getMaxSteps() > 0 && this.steps >= budget.getMaxSteps()) {
			return BudgetLimit.MAX_STEPS;
		}
		Duration maxDuration = budget.getMaxDuration();
		if (maxDuration != null && nanoTime - this.startNanos >= maxDuration.toNanos()) {
			return BudgetLimit.MAX_DURATION;
		}
		DailyCost dailyCost = this.dailyCost;
		if (dailyCost != null && dailyCost.cost() >= budget.getDailyCost()) {
			return BudgetLimit.DAILY_COST;
		}
		return null;
	}

	/**
	 * Note that the run was stopped, or would have been, by a limit of its budget.
	 * @param limit the limit
	 * @return {@code true} the first time only, so that a run's stop is reported once
	 */
	public boolean markStopped(BudgetLimit limit) {
		return STOPPED.compareAndSet(this, null, limit);
	}

	/**
	 * Whether the run was stopped by its budget: a limit reached while budgets are enforced.
	 * @return {@code true} when the run was stopped
	 */
	public boolean stoppedByBudget() {
		return this.enforced && this.stopped != null;
	}

	/**
	 * Whether a run ends because of its budget, and so with the error type
	 * {@value AgentBudgetExceededException#ERROR_TYPE}: its ledger says it was stopped, even
	 * when the application caught the exception and ended the run itself, or it failed with
	 * the exception.
	 * @param ledger the run's ledger, or {@code null} when it has none
	 * @param error the error the run ended with, or {@code null}
	 * @return {@code true} when the budget ended the run
	 */
	public static boolean endedByBudget(@Nullable RunLedger ledger, @Nullable Throwable error) {
		return (ledger != null && ledger.stoppedByBudget()) || error instanceof AgentBudgetExceededException;
	}

	/**
	 * What the run has spent so far, its sub-agents included.
	 * @return the usage
	 */
	public RunUsage usage() {
		return new RunUsage(TokenUsage.of(count(this.input), count(this.output), count(this.cacheRead),
				count(this.cacheWrite), count(this.reasoning)), cost(), count(this.modelCalls), count(this.unpriced),
				count(this.toolCalls), count(this.steps));
	}

	private static long count(long value) {
		return Math.min(value, TokenUsage.MAX_TOKENS);
	}

	/**
	 * The input and output tokens of the run's model calls.
	 * @return the tokens
	 */
	public long tokens() {
		return SaturatingSum.add(this.input, this.output);
	}

	/**
	 * The cost of the run's priced model calls.
	 * @return the cost in USD
	 */
	public double cost() {
		return Double.longBitsToDouble(this.costBits);
	}

	public long modelCalls() {
		return this.modelCalls;
	}

	public long toolCalls() {
		return this.toolCalls;
	}

	public long steps() {
		return this.steps;
	}

	/**
	 * How long the run has gone on.
	 * @param nanoTime the current {@link System#nanoTime()}
	 * @return the nanoseconds since it started
	 */
	public long elapsedNanos(long nanoTime) {
		return Math.max(0, nanoTime - this.startNanos);
	}

	/**
	 * Who the run works for.
	 * @return the user, tenant and conversation, or {@code null} when none is known
	 */
	public @Nullable AgentUsageContext owner() {
		return this.owner;
	}

	/**
	 * The ledger of the run this one is a sub-agent of.
	 * @return the parent's ledger, or {@code null}
	 */
	public @Nullable RunLedger parent() {
		return this.parent;
	}

	public String agentName() {
		return this.agentName;
	}

	public String runId() {
		return this.runId;
	}

	/**
	 * The agent's cost today, when its budget has a {@code daily-cost}.
	 * @return the day's cost, or {@code null}
	 */
	public @Nullable DailyCost dailyCost() {
		return this.dailyCost;
	}

	public AgentBudget budget() {
		return this.budget;
	}

	/**
	 * Whether the budget was given for this run in code rather than configured for its agent.
	 * @return {@code true} for a run's own budget
	 */
	public boolean budgetOfRun() {
		return this.budgetOfRun;
	}

}
