package dev.agentobs.internal.stats;

import java.util.Arrays;

import dev.agentobs.stats.RunCost;

/**
 * The costs of an agent's latest priced runs, in a fixed ring, for the mean and 95th
 * percentile cost per run. Written once per run, so a lock is cheap enough.
 *
 * @since 0.1.0
 */
final class RunCosts {

	private final double[] costs = new double[RunCost.SAMPLE_SIZE];

	private long runs;

	synchronized void add(double cost) {
		this.costs[(int) (this.runs % this.costs.length)] = cost;
		this.runs++;
	}

	RunCost summary() {
		double[] sample;
		synchronized (this) {
			if (this.runs == 0) {
				return RunCost.NONE;
			}
			sample = Arrays.copyOf(this.costs, (int) Math.min(this.runs, this.costs.length));
		}
		Arrays.sort(sample);
		double sum = 0;
		for (double cost : sample) {
			sum += cost;
		}
		// Nearest rank: the smallest cost at least 95% of the runs stayed within
		int rank = (int) Math.ceil(0.95 * sample.length);
		return new RunCost(sample.length, sum / sample.length, sample[Math.max(0, rank - 1)]);
	}

}
