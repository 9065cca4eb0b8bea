package dev.agentobs.internal.runs;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.support.SecretMasker;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentRun;
import dev.agentobs.operation.AgentStep;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.ToolCall;
import dev.agentobs.operation.TokenUsage;

/**
 * One finished operation of a run, as the recent runs keep it: only what the run's tree shows,
 * so that a node holds no exception, no content and no span of its own. Immutable.
 *
 * @param kind what kind of operation it was
 * @param name the agent of a run or step, the requested model, the tool or the language
 * @param detail the provider of a model call, the type of a tool call; {@code null} otherwise
 * @param step the number of a step, 0 for other kinds
 * @param runId the id of a run, {@code null} for other kinds
 * @param startMicros when it started, in microseconds since the epoch (its end less its
 * duration)
 * @param durationNanos how long it took
 * @param tokens the tokens of a model call, {@link TokenUsage#NONE} for other kinds
 * @param cost the cost of a model call in USD, {@link Double#NaN} when unknown or for other kinds
 * @param errorType the error's type, {@code null} when it succeeded
 * @param errorMessage the error's message, masked and cut; {@code null} when it succeeded or
 * the error had none
 * @param operationId its operation number, 0 when it had none
 * @param droppedOperations for a run, how many of its own operations were not kept
 * @param children the operations that ran inside it, by start time
 * @since 0.1.0
 */
public record RunNode(AgentOperation.Kind kind, String name, @Nullable String detail, int step,
		@Nullable String runId, long startMicros, long durationNanos, TokenUsage tokens, double cost,
		@Nullable String errorType, @Nullable String errorMessage, long operationId, int droppedOperations,
		List<RunNode> children) {

	/** The most characters of an error message that are kept, as for the recent errors. */
	public static final int MAX_MESSAGE_LENGTH = 200;

	/**
	 * The node of a finished operation, without children.
	 * @param operation the operation
	 * @param cost its cost in USD, {@link Double#NaN} when unknown or not a model call
	 * @return the node
	 */
	static RunNode of(AgentOperation operation, double cost) {
		String detail = null;
		int step = 0;
		String runId = null;
		TokenUsage tokens = TokenUsage.NONE;
		if (operation instanceof ModelCall call) {
			detail = call.providerName();
			tokens = call.tokens();
		}
		else if (operation instanceof ToolCall call) {
			detail = call.toolType();
		}
		else if (operation instanceof AgentStep agentStep) {
			step = agentStep.stepNumber();
		}
		else if (operation instanceof AgentRun) {
			runId = operation.runId();
		}
		long durationNanos = operation.duration().toNanos();
		Instant end = operation.outcome().endTime();
		long startMicros = end.getEpochSecond() * 1_000_000L + end.getNano() / 1000 - durationNanos / 1000;
		return new RunNode(operation.kind(), operation.name(), detail, step, runId, startMicros, durationNanos,
				tokens, cost, operation.errorType(), errorMessage(operation), operation.scope().operationId(), 0,
				List.of());
	}

	private static @Nullable String errorMessage(AgentOperation operation) {
		Throwable error = operation.outcome().error();
		String message = (error != null) ? error.getMessage() : null;
		return (message != null && !message.isEmpty()) ? SecretMasker.maskAndCut(message, MAX_MESSAGE_LENGTH) : null;
	}

	/**
	 * This node with other children.
	 * @param children the children, by start time
	 * @return the new node
	 */
	RunNode withChildren(List<RunNode> children) {
		return new RunNode(this.kind, this.name, this.detail, this.step, this.runId, this.startMicros,
				this.durationNanos, this.tokens, this.cost, this.errorType, this.errorMessage, this.operationId,
				this.droppedOperations, List.copyOf(children));
	}

	/**
	 * This run's node with a count of operations that were not kept.
	 * @param dropped how many
	 * @return the new node
	 */
	RunNode withDroppedOperations(int dropped) {
		return new RunNode(this.kind, this.name, this.detail, this.step, this.runId, this.startMicros,
				this.durationNanos, this.tokens, this.cost, this.errorType, this.errorMessage, this.operationId,
				dropped, this.children);
	}

	/**
	 * When it started.
	 * @return the start
	 */
	public Instant start() {
		return Instant.ofEpochSecond(Math.floorDiv(this.startMicros, 1_000_000L),
				Math.floorMod(this.startMicros, 1_000_000L) * 1000L);
	}

	/**
	 * Whether it failed.
	 * @return {@code true} when it ended with an error
	 */
	public boolean failed() {
		return this.errorType != null;
	}

	/**
	 * How many nodes the tree from this one holds, this one included.
	 * @return the count
	 */
	public int size() {
		int size = 1;
		for (RunNode child : this.children) {
			size += child.size();
		}
		return size;
	}

}
