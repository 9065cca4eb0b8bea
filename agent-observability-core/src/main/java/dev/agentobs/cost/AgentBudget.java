package dev.agentobs.cost;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What one agent run may spend before the next step, model call or tool call started in it
 * throws {@link AgentBudgetExceededException}. Immutable: each method returns a budget with one
 * more limit.
 *
 * <pre class="code">
 * observations.agent("research-agent")
 *     .budget(AgentBudget.unlimited().maxTokens(200_000).maxCost(0.50).maxDuration(Duration.ofMinutes(2)))
 *     .observe(() -&gt; loop());
 * </pre>
 *
 * A limit not set here is taken from {@code monitoring.budgets.agents.<agent>}.
 *
 * @since 0.1.0
 */
public final class AgentBudget {

	private static final AgentBudget UNLIMITED = new AgentBudget(0, Double.NaN, 0, 0, 0, null, Double.NaN);

	private final long maxTokens;

	private final double maxCost;

	private final long maxModelCalls;

	private final long maxToolCalls;

	private final long maxSteps;

	private final @Nullable Duration maxDuration;

	private final double dailyCost;

	private AgentBudget(long maxTokens, double maxCost, long maxModelCalls, long maxToolCalls, long maxSteps,
			@Nullable Duration maxDuration, double dailyCost) {
		this.maxTokens = maxTokens;
		this.maxCost = maxCost;
		this.maxModelCalls = maxModelCalls;
		this.maxToolCalls = maxToolCalls;
		this.maxSteps = maxSteps;
		this.maxDuration = maxDuration;
		this.dailyCost = dailyCost;
	}

	/**
	 * A budget without limits, to add limits to.
	 * @return the budget
	 */
	public static AgentBudget unlimited() {
		return UNLIMITED;
	}

	/**
	 * Limit the tokens of the run's model calls, input and output.
	 * @param maxTokens the most tokens, 1 or more
	 * @return a budget with this limit
	 * @throws IllegalArgumentException when the limit is below 1
	 */
	public AgentBudget maxTokens(long maxTokens) {
		return new AgentBudget(positive(maxTokens, "maxTokens"), this.maxCost, this.maxModelCalls, this.maxToolCalls,
				this.maxSteps, this.maxDuration, this.dailyCost);
	}

	/**
	 * Limit the cost of the run's model calls.
	 * @param maxCost the most USD, above 0
	 * @return a budget with this limit
	 * @throws IllegalArgumentException when the limit is not a number above 0
	 */
	public AgentBudget maxCost(double maxCost) {
		return new AgentBudget(this.maxTokens, usd(maxCost, "maxCost"), this.maxModelCalls, this.maxToolCalls,
				this.maxSteps, this.maxDuration, this.dailyCost);
	}

	/**
	 * Limit the run's model calls.
	 * @param maxModelCalls the most calls, 1 or more
	 * @return a budget with this limit
	 * @throws IllegalArgumentException when the limit is below 1
	 */
	public AgentBudget maxModelCalls(long maxModelCalls) {
		return new AgentBudget(this.maxTokens, this.maxCost, positive(maxModelCalls, "maxModelCalls"),
				this.maxToolCalls, this.maxSteps, this.maxDuration, this.dailyCost);
	}

	/**
	 * Limit the run's tool calls.
	 * @param maxToolCalls the most calls, 1 or more
	 * @return a budget with this limit
	 * @throws IllegalArgumentException when the limit is below 1
	 */
	public AgentBudget maxToolCalls(long maxToolCalls) {
		return new AgentBudget(this.maxTokens, this.maxCost, this.maxModelCalls,
				positive(maxToolCalls, "maxToolCalls"), this.maxSteps, this.maxDuration, this.dailyCost);
	}

	/**
	 * Limit the run's steps.
	 * @param maxSteps the most steps, 1 or more
	 * @return a budget with this limit
	 * @throws IllegalArgumentException when the limit is below 1
	 */
	public AgentBudget maxSteps(long maxSteps) {
		return new AgentBudget(this.maxTokens, this.maxCost, this.maxModelCalls, this.maxToolCalls,
				positive(maxSteps, "maxSteps"), this.maxDuration, this.dailyCost);
	}

	/**
	 * Limit how long the run may go on: no step, model call or tool call starts after it.
	 * @param maxDuration the longest run, above 0
	 * @return a budget with this limit
	 * @throws IllegalArgumentException when the limit is null, 0 or negative
	 */
	public AgentBudget maxDuration(Duration maxDuration) {
		if (maxDuration == null || maxDuration.isZero() || maxDuration.isNegative()) {
			throw new IllegalArgumentException("maxDuration must be above 0, was " + maxDuration);
		}
		return new AgentBudget(this.maxTokens, this.maxCost, this.maxModelCalls, this.maxToolCalls, this.maxSteps,
				maxDuration, this.dailyCost);
	}

	/**
	 * Limit the cost of the agent's model calls in a day, on this instance: once reached, every
	 * run of the agent stops at its next step, model call or tool call until the day ends.
	 * @param dailyCost the most USD a day, above 0
	 * @return a budget with this limit
	 * @throws IllegalArgumentException when the limit is not a number above 0
	 */
	public AgentBudget dailyCost(double dailyCost) {
		return new AgentBudget(this.maxTokens, this.maxCost, this.maxModelCalls, this.maxToolCalls, this.maxSteps,
				this.maxDuration, usd(dailyCost, "dailyCost"));
	}

	/**
	 * This budget's limits, with those it does not set taken from another budget.
	 * @param other the budget whose limits fill the gaps, such as the agent's configured one
	 * @return the combined budget
	 */
	public AgentBudget orElse(AgentBudget other) {
		return new AgentBudget((this.maxTokens > 0) ? this.maxTokens : other.maxTokens,
				Double.isNaN(this.maxCost) ? other.maxCost : this.maxCost,
				(this.maxModelCalls > 0) ? this.maxModelCalls : other.maxModelCalls,
				(this.maxToolCalls > 0) ? this.maxToolCalls : other.maxToolCalls,
				(this.maxSteps > 0) ? this.maxSteps : other.maxSteps,
				(this.maxDuration != null) ? this.maxDuration : other.maxDuration,
				Double.isNaN(this.dailyCost) ? other.dailyCost : this.dailyCost);
	}

	/**
	 * Whether no limit is set.
	 * @return {@code true} for a budget without limits
	 */
	public boolean isUnlimited() {
		return this.maxTokens == 0 && Double.isNaN(this.maxCost) && this.maxModelCalls == 0 && this.maxToolCalls == 0
				&& this.maxSteps == 0 && this.maxDuration == null && Double.isNaN(this.dailyCost);
	}

	/**
	 * The most tokens of a run.
	 * @return the limit, 0 when none is set
	 */
	public long getMaxTokens() {
		return this.maxTokens;
	}

	/**
	 * The most USD a run may cost.
	 * @return the limit, {@link Double#NaN} when none is set
	 */
	public double getMaxCost() {
		return this.maxCost;
	}

	/**
	 * The most model calls of a run.
	 * @return the limit, 0 when none is set
	 */
	public long getMaxModelCalls() {
		return this.maxModelCalls;
	}

	/**
	 * The most tool calls of a run.
	 * @return the limit, 0 when none is set
	 */
	public long getMaxToolCalls() {
		return this.maxToolCalls;
	}

	/**
	 * The most steps of a run.
	 * @return the limit, 0 when none is set
	 */
	public long getMaxSteps() {
		return this.maxSteps;
	}

	/**
	 * The longest a run may go on.
	 * @return the limit, {@code null} when none is set
	 */
	public @Nullable Duration getMaxDuration() {
		return this.maxDuration;
	}

	/**
	 * The most USD the agent's model calls may cost in a day.
	 * @return the limit, {@link Double#NaN} when none is set
	 */
	public double getDailyCost() {
		return this.dailyCost;
	}

	private static long positive(long limit, String name) {
		if (limit < 1) {
			throw new IllegalArgumentException(name + " must be 1 or more, was " + limit);
		}
		return limit;
	}

	private static double usd(double limit, String name) {
		if (!(limit > 0) || Double.isInfinite(limit)) {
			throw new IllegalArgumentException(name + " must be a number of USD above 0, was " + limit);
		}
		return limit;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof AgentBudget budget && this.maxTokens == budget.maxTokens
				&& Double.compare(this.maxCost, budget.maxCost) == 0 && this.maxModelCalls == budget.maxModelCalls
				&& this.maxToolCalls == budget.maxToolCalls && this.maxSteps == budget.maxSteps
				&& Objects.equals(this.maxDuration, budget.maxDuration)
				&& Double.compare(this.dailyCost, budget.dailyCost) == 0);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.maxTokens, this.maxCost, this.maxModelCalls, this.maxToolCalls, this.maxSteps,
				this.maxDuration, this.dailyCost);
	}

	@Override
	public String toString() {
		return "AgentBudget[maxTokens=" + this.maxTokens + ", maxCost=" + this.maxCost + ", maxModelCalls="
				+ this.maxModelCalls + ", maxToolCalls=" + this.maxToolCalls + ", maxSteps=" + this.maxSteps
				+ ", maxDuration=" + this.maxDuration + ", dailyCost=" + this.dailyCost + "]";
	}

}
