package dev.agentobs.internal.runs;

import dev.agentobs.internal.support.SaturatingSum;
import dev.agentobs.operation.AgentOperation;

/**
 * The sums over the model calls of a tree of operations: what a run, a step or a tool call
 * that ran a sub-agent cost in all.
 *
 * @param operations how many operations the tree holds below its top
 * @param inputTokens the input tokens of its model calls, cached ones included
 * @param outputTokens their output tokens
 * @param cachedInputTokens their input tokens served from a prompt cache
 * @param cost the cost in USD of its model calls whose model has a price, {@link Double#NaN}
 * when none has
 * @param unpricedCalls how many of its model calls have no known cost
 * @since 0.1.0
 */
public record RunTotals(int operations, long inputTokens, long outputTokens, long cachedInputTokens, double cost,
		int unpricedCalls) {

	/**
	 * Add up a tree.
	 * @param top the tree's top node
	 * @return its sums, the top's own tokens and cost included
	 */
	public static RunTotals of(RunNode top) {
		Sums sums = new Sums();
		sums.add(top);
		return new RunTotals(sums.nodes - 1, sums.input, sums.output, sums.cachedInput,
				(sums.priced > 0) ? sums.cost : Double.NaN, sums.unpriced);
	}

	/**
	 * Whether the tree holds a model call.
	 * @return {@code true} when some model call ran in it
	 */
	public boolean hasModelCalls() {
		return this.unpricedCalls > 0 || !Double.isNaN(this.cost) || this.inputTokens > 0 || this.outputTokens > 0;
	}

	private static final class Sums {

		int nodes;

		long input;

		long output;

		long cachedInput;

		double cost;

		int priced;

		int unpriced;

		void add(RunNode node) {
			this.nodes++;
			if (node.kind() == AgentOperation.Kind.MODEL_CALL) {
				this.input = SaturatingSum.add(this.input, node.tokens().input());
				this.output = SaturatingSum.add(this.output, node.tokens().output());
				this.cachedInput = SaturatingSum.add(this.cachedInput, node.tokens().cachedInput());
				if (Double.isNaN(node.cost())) {
					this.unpriced++;
				}
				else {
					this.cost += node.cost();
					this.priced++;
				}
			}
			for (RunNode child : node.children()) {
				add(child);
			}
		}

	}

}
