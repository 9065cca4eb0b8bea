package dev.agentobs.internal.cost;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.agentobs.cost.AgentBudget;
import dev.agentobs.cost.AgentBudgetExceededException;
import dev.agentobs.cost.AgentUsage;
import dev.agentobs.cost.AgentUsageContext;
import dev.agentobs.cost.AgentUsageListener;
import dev.agentobs.cost.BudgetLimit;
import dev.agentobs.internal.budget.BudgetGuard;
import dev.agentobs.internal.budget.DailyCost;
import dev.agentobs.internal.budget.RunLedger;
import dev.agentobs.internal.support.ResolvedOnce;
import dev.agentobs.internal.support.ThrottledLogger;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;
import dev.agentobs.operation.AgentRun;
import dev.agentobs.operation.AgentStep;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.RunUsage;
import dev.agentobs.operation.ToolCall;

/**
 * The ledgers of the agent runs in progress, by run id: each run's spending, its sub-agents'
 * included, and its budget. As a sink it adds every finished model call (with its cost), tool
 * call and step to the ledger of its run; {@link #check(String)} stops an operation about to
 * start in a run that has spent its budget, reports the stop (to
 * {@code agent_budget_exceeded_total{gen_ai_agent_name,limit}} through
 * {@link BudgetStopMetrics}) and logs it, once per run.
 *
 * @since 0.1.0
 */
public class RunLedgers implements AgentOperationSink, BudgetGuard {

	/** The key prefix of the agents' configured budgets. */
	public static final String AGENTS_KEY = "monitoring.budgets.agents.";

	private static final Logger logger = LoggerFactory.getLogger(RunLedgers.class);

	private static final ThrottledLogger throttledLogger = new ThrottledLogger(logger, Duration.ofMinutes(1));

	private final Map<String, AgentBudget> agentBudgets;

	private final boolean enforce;

	private final ResolvedOnce<CostCalculator> calculator;

	private final Supplier<? extends @Nullable Consumer<BudgetStop>> stopListener;

	private final Clock clock;

	private final ZoneId zone;

	private final ConcurrentMap<String, RunLedger> ledgers = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, DailyCost> dailyCosts = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, ConcurrentMap<BudgetLimit, LongAdder>> stops = new ConcurrentHashMap<>();

	private final AtomicReference<@Nullable BudgetStop> lastStop = new AtomicReference<>();

	private final ResolvedOnce<AgentUsageListener[]> usageListeners;

	/**
	 * Create the ledgers.
	 * @param agentBudgets the budget of each agent, by name ({@code monitoring.budgets.agents})
	 * @param enforce whether a run that spent its budget is stopped ({@code mode=enforce}) or
	 * only reported ({@code mode=report})
	 * @param costs supplies the calculator that prices model calls, read on the first call
	 * @param stopListener supplies what counts each stop (such as {@link BudgetStopMetrics}),
	 * read at each stop, or {@code null} for none
	 * @param usageListeners supplies what receives the usage of each finished run, read on the
	 * first run
	 * @param clock the clock of the daily costs
	 * @param zone the zone whose midnight starts a day
	 */
	public RunLedgers(Map<String, AgentBudget> agentBudgets, boolean enforce,
			Supplier<? extends @Nullable CostCalculator> costs,
			Supplier<? extends @Nullable Consumer<BudgetStop>> stopListener,
			Supplier<? extends List<? extends AgentUsageListener>> usageListeners, Clock clock, ZoneId zone) {
		this.agentBudgets = Map.copyOf(agentBudgets);
		this.enforce = enforce;
		this.calculator = new ResolvedOnce<>(costs);
		this.stopListener = stopListener;
		this.usageListeners = new ResolvedOnce<>(() -> usageListeners.get().toArray(new AgentUsageListener[0]));
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Open the ledger of a run that starts.
	 * @param agentName the run's agent
	 * @param runId the run's id
	 * @param parentRunId the run it is a sub-agent of, or {@code null}
	 * @param runBudget the budget given to the run in code, or {@code null}
	 * @param owner the user and tenant given to the run in code, or {@code null}; what it leaves
	 * out comes from the parent run, then from {@link AgentUsageContext#current()}
	 * @return the run's ledger
	 */
	public RunLedger started(String agentName, String runId, @Nullable String parentRunId,
			@Nullable AgentBudget runBudget, @Nullable AgentUsageContext owner) {
		RunLedger parent = (parentRunId != null) ? this.ledgers.get(parentRunId) : null;
		AgentBudget configured = this.agentBudgets.get(agentName);
		AgentBudget budget = (runBudget != null) ? runBudget.orElse((configured != null) ? configured
				: AgentBudget.unlimited()) : (configured != null) ? configured : AgentBudget.unlimited();
		DailyCost dailyCost = Double.isNaN(budget.getDailyCost()) ? null
				: this.dailyCosts.computeIfAbsent(agentName, (name) -> new DailyCost(this.clock, this.zone));
		RunLedger ledger = new RunLedger(agentName, runId, parent, budget, runBudget != null, this.enforce, dailyCost,
				this, owner(owner, (parent != null) ? parent.owner() : null, AgentUsageContext.current()));
		this.ledgers.put(runId, ledger);
		return ledger;
	}

	private static @Nullable AgentUsageContext owner(@Nullable AgentUsageContext own,
			@Nullable AgentUsageContext parent, @Nullable AgentUsageContext current) {
		if (parent == null && current == null) {
			return own;
		}
		if (own == null && current == null) {
			return parent;
		}
		if (own == null && parent == null) {
			return current;
		}
		return AgentUsageContext.of(first(own, parent, current, AgentUsageContext::getUserId),
				first(own, parent, current, AgentUsageContext::getTenantId),
				first(own, parent, current, AgentUsageContext::getConversationId));
	}

	private static @Nullable String first(@Nullable AgentUsageContext own, @Nullable AgentUsageContext parent,
			@Nullable AgentUsageContext current, Function<AgentUsageContext, @Nullable String> value) {
		for (AgentUsageContext context : new AgentUsageContext[] { own, parent, current }) {
			String found = (context != null) ? value.apply(context) : null;
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	/**
	 * Close the ledger of a run that finished, and give its usage to the listeners.
	 * @param run the finished run
	 */
	public void finished(AgentRun run) {
		String runId = run.runId();
		RunLedger ledger = (runId != null) ? this.ledgers.remove(runId) : null;
		if (ledger == null) {
			return;
		}
		AgentUsageListener[] listeners = this.usageListeners.get();
		if (listeners.length == 0) {
			return;
		}
		AgentUsage usage = usage(run, ledger);
		for (AgentUsageListener listener : listeners) {
			try {
				listener.onUsage(usage);
			}
			catch (Throwable ex) {
				throttledLogger.warn(listener.getClass(), "Agent usage listener " + listener.getClass().getName()
						+ " failed on run " + runId + "; the agent is not affected", ex);
			}
		}
	}

	private static AgentUsage usage(AgentRun run, RunLedger ledger) {
		RunUsage spent = run.usage();
		AgentUsageContext owner = ledger.owner();
		RunLedger parent = ledger.parent();
		String conversationId = run.scope().conversationId();
		if (conversationId == null && owner != null) {
			conversationId = owner.getConversationId();
		}
		return new AgentUsage(ledger.runId(), (parent != null) ? parent.runId() : null, run.agentName(),
				(owner != null) ? owner.getUserId() : null, (owner != null) ? owner.getTenantId() : null, conversationId,
				spent.tokens(), spent.costKnown() ? spent.cost() : null, spent.modelCalls(), spent.toolCalls(),
				spent.steps(), run.outcome().endTime(), run.duration(), run.errorType());
	}

	/**
	 * The ledger of a run in progress.
	 * @param runId the run's id, or {@code null}
	 * @return the ledger, or {@code null} when no run of that id is in progress
	 */
	public @Nullable RunLedger ledger(@Nullable String runId) {
		return (runId != null) ? this.ledgers.get(runId) : null;
	}

	/**
	 * Check, before a step, model call or tool call starts in a run, that the run (and every
	 * run it is a sub-agent of) has budget left.
	 * @param runId the run the operation starts in, or {@code null} outside any run
	 * @throws AgentBudgetExceededException when a budget is spent and budgets are enforced
	 */
	public void check(@Nullable String runId) {
		RunLedger ledger = ledger(runId);
		if (ledger != null) {
			ledger.check();
		}
	}

	/**
	 * Check, before a step, model call or tool call starts in a run, that the run (and every
	 * run it is a sub-agent of) has budget left.
	 * @param ledger the ledger of the run the operation starts in
	 * @throws AgentBudgetExceededException when a budget is spent and budgets are enforced
	 */
	@Override
	public void check(RunLedger ledger) {
		long now = System.nanoTime();
		RunLedger exceeded = ledger.exceeded(now);
		if (exceeded == null) {
			return;
		}
		BudgetLimit limit = exceeded.limitReached(now);
		if (limit == null) {
			// Only a daily cost can go back under its limit, at midnight
			return;
		}
		AgentBudgetExceededException exception = exception(exceeded, limit, now);
		if (exceeded.markStopped(limit)) {
			stopped(exceeded, limit, exception);
		}
		if (this.enforce) {
			throw exception;
		}
	}

	private void stopped(RunLedger ledger, BudgetLimit limit, AgentBudgetExceededException exception) {
		String agentName = ledger.agentName();
		this.stops.computeIfAbsent(agentName, (name) -> new ConcurrentHashMap<>())
			.computeIfAbsent(limit, (key) -> new LongAdder())
			.increment();
		BudgetStop stop = new BudgetStop(agentName, ledger.runId(), limit, this.clock.instant(), this.enforce);
		this.lastStop.set(stop);
		try {
			Consumer<BudgetStop> listener = this.stopListener.get();
			if (listener != null) {
				listener.accept(stop);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not count the budget stop of agent '{}'; the run is not affected", agentName, ex);
		}
		if (this.enforce) {
			logger.warn(exception.getMessage());
		}
		else {
			logger.warn("{} (monitoring.budgets.mode=report: the run goes on)", exception.getMessage());
		}
	}

	private AgentBudgetExceededException exception(RunLedger ledger, BudgetLimit limit, long now) {
		AgentBudget budget = ledger.budget();
		String spent;
		String allowed;
		switch (limit) {
			case MAX_TOKENS -> {
				spent = count(ledger.tokens()) + " tokens";
				allowed = count(budget.getMaxTokens()) + " tokens";
			}
			case MAX_COST -> {
				spent = usd(ledger.cost());
				allowed = usd(budget.getMaxCost());
			}
			case MAX_MODEL_CALLS -> {
				spent = count(ledger.modelCalls()) + " model calls";
				allowed = count(budget.getMaxModelCalls()) + " model calls";
			}
			case MAX_TOOL_CALLS -> {
				spent = count(ledger.toolCalls()) + " tool calls";
				allowed = count(budget.getMaxToolCalls()) + " tool calls";
			}
			case MAX_STEPS -> {
				spent = count(ledger.steps()) + " steps";
				allowed = count(budget.getMaxSteps()) + " steps";
			}
			case MAX_DURATION -> {
				spent = Duration.ofNanos(ledger.elapsedNanos(now)).toMillis() + " ms";
				allowed = String.valueOf(budget.getMaxDuration());
			}
			default -> {
				DailyCost dailyCost = ledger.dailyCost();
				spent = usd((dailyCost != null) ? dailyCost.cost() : 0) + " today";
				allowed = usd(budget.getDailyCost()) + " a day";
			}
		}
		String key = AGENTS_KEY + ledger.agentName() + "." + limit.key();
		if (ledger.budgetOfRun()) {
			key = "the run's AgentBudget (or " + key + ")";
		}
		return new AgentBudgetExceededException(ledger.agentName(), ledger.runId(), limit, spent, allowed, key);
	}

	private static String count(long count) {
		return String.format(Locale.ROOT, "%,d", count);
	}

	private static String usd(double usd) {
		return "$" + new DecimalFormat("0.00####", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(usd);
	}

	@Override
	public void accept(AgentOperation operation) {
		String runId = operation.runId();
		if (runId == null) {
			return;
		}
		RunLedger ledger = this.ledgers.get(runId);
		if (ledger == null) {
			return;
		}
		if (operation instanceof ModelCall call) {
			CostCalculator calculator = this.calculator.get();
			ledger.addModelCall(call.tokens(), (calculator != null) ? calculator.costOf(call) : Double.NaN);
		}
		else if (operation instanceof ToolCall) {
			ledger.addToolCall();
		}
		else if (operation instanceof AgentStep) {
			ledger.addStep();
		}
	}

	/**
	 * Whether a run that spent its budget is stopped.
	 * @return {@code true} for {@code mode=enforce}, {@code false} for {@code mode=report}
	 */
	public boolean enforce() {
		return this.enforce;
	}

	/**
	 * The configured budgets.
	 * @return the budget of each agent, by name
	 */
	public Map<String, AgentBudget> agentBudgets() {
		return this.agentBudgets;
	}

	/**
	 * The runs stopped (or, in {@code report} mode, that would have been) since the start.
	 * @return the stops per agent and limit key, sorted
	 */
	public Map<String, Map<String, Long>> stops() {
		Map<String, Map<String, Long>> stops = new TreeMap<>();
		this.stops.forEach((agent, byLimit) -> {
			Map<String, Long> counts = new TreeMap<>();
			byLimit.forEach((limit, count) -> counts.put(limit.key(), count.sum()));
			stops.put(agent, Collections.unmodifiableMap(counts));
		});
		return Collections.unmodifiableMap(stops);
	}

	/**
	 * The latest stop.
	 * @return the stop, or {@code null} when no run was stopped
	 */
	public @Nullable BudgetStop lastStop() {
		return this.lastStop.get();
	}

	/**
	 * Today's cost of each agent with a {@code daily-cost} limit.
	 * @return USD per agent, sorted
	 */
	public Map<String, Double> dailyCosts() {
		Map<String, Double> costs = new TreeMap<>();
		this.dailyCosts.forEach((agent, cost) -> costs.put(agent, cost.cost()));
		return Collections.unmodifiableMap(costs);
	}

	/**
	 * A run stopped by its budget, or that would have been in {@code report} mode.
	 *
	 * @param agentName the run's agent
	 * @param runId the run's id
	 * @param limit the limit reached
	 * @param time when
	 * @param enforced whether the run was stopped
	 */
	public record BudgetStop(String agentName, String runId, BudgetLimit limit, Instant time, boolean enforced) {

	}

}
