package dev.agentobs.stats;

/**
 * The cost of an agent's latest runs, the "cost per task": of the runs that called a model and
 * had a price for every call, up to the last {@value #SAMPLE_SIZE}.
 *
 * @param runs the runs the figures come from
 * @param average their mean cost in USD
 * @param p95 the cost in USD 95% of them stayed within
 * @since 0.1.0
 */
public record RunCost(long runs, double average, double p95) {

	/** How many of the latest runs the figures come from, at most. */
	public static final int SAMPLE_SIZE = 1000;

	/** No run yet. */
	public static final RunCost NONE = new RunCost(0, 0, 0);

}
