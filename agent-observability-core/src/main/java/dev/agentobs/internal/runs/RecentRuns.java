package dev.agentobs.internal.runs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;
import dev.agentobs.operation.AgentRun;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.OperationScope;

/**
 * The last finished agent runs, each as the tree of its operations: run, steps, model calls,
 * tool calls and code executions, and the sub-agent runs made inside them. The tree is built
 * from the operation numbers each operation carries ({@link OperationScope#operationId()} and
 * {@link OperationScope#parentOperationId()}), so it nests as the spans of the run nest,
 * whether or not the run was traced and whichever bridge recorded it; an operation recorded
 * without numbers hangs from its run.
 * <p>
 * Memory is fixed. A ring keeps the last {@code maxRuns} runs that ran inside no other run;
 * each keeps at most {@code maxOperationsPerRun} operations, the earliest first with their
 * parents, and counts the rest. While a run is in progress, its finished operations wait for
 * it, at most {@code maxOperationsPerRun} per run id, for at most
 * {@value #RUNS_IN_PROGRESS_PER_KEPT_RUN} x {@code maxRuns} runs at once: past that the run in
 * progress seen first is given up and its operations counted as lost. A node keeps names,
 * times, tokens, cost and the error's type and masked message; never an exception, a prompt,
 * a completion or any other content.
 * <p>
 * Operations outside any run cost one check. The others take one short lock: the work under it
 * is a few map operations, the masking and pricing are done before.
 *
 * @since 0.1.0
 */
public class RecentRuns implements AgentOperationSink {

	/** How many runs are kept unless configured. */
	public static final int DEFAULT_MAX_RUNS = 100;

	/** How many operations of each run are kept unless configured. */
	public static final int DEFAULT_MAX_OPERATIONS_PER_RUN = 200;

	/** How many runs in progress are followed at once, for each run the ring keeps. */
	public static final int RUNS_IN_PROGRESS_PER_KEPT_RUN = 10;

	/** The most runs the ring may be configured to keep. */
	public static final int MAX_RUNS_LIMIT = 100_000;

	/** The most operations per run that may be configured. */
	public static final int MAX_OPERATIONS_LIMIT = 100_000;

	private static final Comparator<RunNode> BY_START = Comparator.comparingLong(RunNode::startMicros);

	private final int maxOperations;

	private final @Nullable CostCalculator costs;

	private final Object lock = new Object();

	// Everything below is guarded by the lock

	private final RecordedRun[] ring;

	private int next;

	private final Map<String, RecordedRun> byRunId = new HashMap<>();

	private final Map<String, PendingRun> inProgress;

	private final Map<Long, List<RunNode>> waitingSubRuns;

	private long recordedRuns;

	private long lostOperations;

	/**
	 * Create an empty ring.
	 * @param maxRuns how many runs are kept, 1 to {@value #MAX_RUNS_LIMIT}
	 * @param maxOperationsPerRun how many operations of each run are kept, 1 to
	 * {@value #MAX_OPERATIONS_LIMIT}
	 * @param costs prices model calls, or {@code null} when cost is not tracked
	 */
	public RecentRuns(int maxRuns, int maxOperationsPerRun, @Nullable CostCalculator costs) {
		checkMaxRuns("maxRuns", maxRuns);
		checkMaxOperationsPerRun("maxOperationsPerRun", maxOperationsPerRun);
		this.ring = new RecordedRun[maxRuns];
		this.maxOperations = maxOperationsPerRun;
		this.costs = costs;
		int maxInProgress = maxRuns * RUNS_IN_PROGRESS_PER_KEPT_RUN;
		this.inProgress = new LinkedHashMap<>() {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, PendingRun> eldest) {
				if (size() <= maxInProgress) {
					return false;
				}
				RecentRuns.this.lostOperations += eldest.getValue().kept;
				return true;
			}

		};
		this.waitingSubRuns = new LinkedHashMap<>() {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, List<RunNode>> eldest) {
				if (size() <= maxInProgress) {
					return false;
				}
				RecentRuns.this.lostOperations += sizeOf(eldest.getValue());
				return true;
			}

		};
	}

	/**
	 * Check how many runs are to be kept, for code that reads it from configuration and wants
	 * to report a bad value under its own name.
	 * @param name the name to report, such as {@code max-runs}
	 * @param maxRuns the number of runs
	 * @throws IllegalArgumentException naming {@code name}, the value and what would be right
	 */
	public static void checkMaxRuns(String name, int maxRuns) {
		if (maxRuns < 1 || maxRuns > MAX_RUNS_LIMIT) {
			throw new IllegalArgumentException(
					name + " must be 1 to " + MAX_RUNS_LIMIT + " (" + DEFAULT_MAX_RUNS + " suits most services), was "
							+ maxRuns);
		}
	}

	/**
	 * Check how many operations of a run are to be kept, for code that reads it from
	 * configuration and wants to report a bad value under its own name.
	 * @param name the name to report, such as {@code max-operations-per-run}
	 * @param maxOperations the number of operations
	 * @throws IllegalArgumentException naming {@code name}, the value and what would be right
	 */
	public static void checkMaxOperationsPerRun(String name, int maxOperations) {
		if (maxOperations < 1 || maxOperations > MAX_OPERATIONS_LIMIT) {
			throw new IllegalArgumentException(name + " must be 1 to " + MAX_OPERATIONS_LIMIT + " ("
					+ DEFAULT_MAX_OPERATIONS_PER_RUN + " suits most services), was " + maxOperations);
		}
	}

	@Override
	public void accept(AgentOperation operation) {
		String runId = operation.runId();
		if (runId == null) {
			return;
		}
		double cost = (this.costs != null && operation instanceof ModelCall call) ? this.costs.costOf(call)
				: Double.NaN;
		RunNode node = RunNode.of(operation, cost);
		long parent = operation.scope().parentOperationId();
		synchronized (this.lock) {
			if (operation instanceof AgentRun) {
				finished(runId, node, parent, operation.scope());
			}
			else {
				add(runId, node, parent);
			}
		}
	}

	private void add(String runId, RunNode node, long parent) {
		PendingRun run = this.inProgress.get(runId);
		if (run == null) {
			RecordedRun recorded = this.byRunId.get(runId);
			if (recorded != null) {
				addLate(recorded, node, parent);
				return;
			}
			run = new PendingRun();
			this.inProgress.put(runId, run);
		}
		if (run.kept >= this.maxOperations) {
			run.dropped += 1 + discardChildren(run, node.operationId());
			return;
		}
		run.kept++;
		run.children.computeIfAbsent(parent, (key) -> new ArrayList<>(4)).add(withChildren(run, node));
	}

	private void finished(String runId, RunNode node, long parent, OperationScope scope) {
		PendingRun run = this.inProgress.remove(runId);
		List<RunNode> children = new ArrayList<>();
		int dropped = 0;
		if (run != null) {
			// Its operations, and those whose parent was never recorded (it ended after its run)
			run.children.values().forEach(children::addAll);
			dropped = run.dropped;
		}
		List<RunNode> subRuns = takeSubRuns(node.operationId());
		if (subRuns != null) {
			children.addAll(subRuns);
		}
		children.sort(BY_START);
		RunNode tree = node.withChildren(children).withDroppedOperations(dropped);
		if (parent != 0) {
			// A sub-agent's run: it waits for the operation it ran inside
			this.waitingSubRuns.computeIfAbsent(parent, (key) -> new ArrayList<>(2)).add(tree);
		}
		else {
			record(tree, scope);
		}
	}

	private void record(RunNode tree, OperationScope scope) {
		Trim trim = new Trim(this.maxOperations);
		RunNode root = (tree.size() - 1 > this.maxOperations) ? trim.apply(tree) : tree;
		RecordedRun recorded = new RecordedRun(root, scope.traceId(), scope.conversationId(),
				droppedIn(tree) + trim.removed, RunTotals.of(root));
		RecordedRun evicted = this.ring[this.next];
		if (evicted != null && this.byRunId.get(evicted.runId()) == evicted) {
			this.byRunId.remove(evicted.runId());
		}
		this.ring[this.next] = recorded;
		this.next = (this.next + 1) % this.ring.length;
		this.byRunId.put(recorded.runId(), recorded);
		this.recordedRuns++;
	}

	// An operation of a run already kept, that ended after it: a stream closed late, say
	private void addLate(RecordedRun recorded, RunNode node, long parent) {
		RecordedRun updated;
		if (recorded.totals().operations() >= this.maxOperations) {
			updated = new RecordedRun(recorded.root(), recorded.traceId(), recorded.conversationId(),
					recorded.droppedOperations() + 1, recorded.totals());
		}
		else {
			RunNode root = insert(recorded.root(), node, parent);
			if (root == recorded.root()) {
				root = insertUnder(root, node);
			}
			updated = new RecordedRun(root, recorded.traceId(), recorded.conversationId(),
					recorded.droppedOperations(), RunTotals.of(root));
		}
		for (int i = 0; i < this.ring.length; i++) {
			if (this.ring[i] == recorded) {
				this.ring[i] = updated;
			}
		}
		this.byRunId.put(updated.runId(), updated);
	}

	private static RunNode insert(RunNode tree, RunNode node, long parent) {
		if (parent == 0) {
			return tree;
		}
		if (tree.operationId() == parent) {
			return insertUnder(tree, node);
		}
		List<RunNode> children = tree.children();
		for (int i = 0; i < children.size(); i++) {
			RunNode child = children.get(i);
			RunNode updated = insert(child, node, parent);
			if (updated != child) {
				List<RunNode> replaced = new ArrayList<>(children);
				replaced.set(i, updated);
				return tree.withChildren(replaced);
			}
		}
		return tree;
	}

	private static RunNode insertUnder(RunNode parent, RunNode node) {
		List<RunNode> children = new ArrayList<>(parent.children());
		children.add(node);
		children.sort(BY_START);
		return parent.withChildren(children);
	}

	private RunNode withChildren(PendingRun run, RunNode node) {
		long id = node.operationId();
		if (id == 0) {
			return node;
		}
		List<RunNode> children = run.children.remove(id);
		List<RunNode> subRuns = takeSubRuns(id);
		if (children == null && subRuns == null) {
			return node;
		}
		List<RunNode> all = new ArrayList<>();
		if (children != null) {
			all.addAll(children);
		}
		if (subRuns != null) {
			all.addAll(subRuns);
		}
		all.sort(BY_START);
		return node.withChildren(all);
	}

	private int discardChildren(PendingRun run, long id) {
		if (id == 0) {
			return 0;
		}
		return sizeOf(run.children.remove(id)) + sizeOf(takeSubRuns(id));
	}

	private @Nullable List<RunNode> takeSubRuns(long id) {
		return (id != 0 && !this.waitingSubRuns.isEmpty()) ? this.waitingSubRuns.remove(id) : null;
	}

	private static int sizeOf(@Nullable List<RunNode> nodes) {
		int size = 0;
		if (nodes != null) {
			for (RunNode node : nodes) {
				size += node.size();
			}
		}
		return size;
	}

	private static int droppedIn(RunNode node) {
		int dropped = node.droppedOperations();
		for (RunNode child : node.children()) {
			dropped += droppedIn(child);
		}
		return dropped;
	}

	/**
	 * The runs kept.
	 * @return the runs, newest first
	 */
	public List<RecordedRun> runs() {
		synchronized (this.lock) {
			List<RecordedRun> runs = new ArrayList<>(this.ring.length);
			for (int i = 1; i <= this.ring.length; i++) {
				RecordedRun run = this.ring[Math.floorMod(this.next - i, this.ring.length)];
				if (run == null) {
					break;
				}
				runs.add(run);
			}
			return runs;
		}
	}

	/**
	 * One run kept.
	 * @param runId the run's id
	 * @return the run, or {@code null} when it is not (or no longer) kept
	 */
	public @Nullable RecordedRun run(String runId) {
		synchronized (this.lock) {
			return this.byRunId.get(runId);
		}
	}

	/**
	 * How many runs have been recorded since start, those no longer kept included.
	 * @return the count
	 */
	public long recordedRuns() {
		synchronized (this.lock) {
			return this.recordedRuns;
		}
	}

	/**
	 * How many operations were lost: those of runs given up while in progress (more runs in
	 * progress at once than followed), and sub-agent runs whose parent operation never ended.
	 * @return the count
	 */
	public long lostOperations() {
		synchronized (this.lock) {
			return this.lostOperations;
		}
	}

	/**
	 * How many runs the ring keeps.
	 * @return the capacity
	 */
	public int maxRuns() {
		return this.ring.length;
	}

	/**
	 * How many operations of each run are kept.
	 * @return the limit
	 */
	public int maxOperationsPerRun() {
		return this.maxOperations;
	}

	/**
	 * The finished operations of a run in progress, by the number of the operation they ran
	 * inside (0: the run itself).
	 */
	private static final class PendingRun {

		final Map<Long, List<RunNode>> children = new HashMap<>();

		int kept;

		int dropped;

	}

	/**
	 * Keeps the first operations of a tree, each with its parents, depth first by start time:
	 * the earliest steps whole rather than a little of every step.
	 */
	private static final class Trim {

		private int left;

		int removed;

		Trim(int budget) {
			this.left = budget;
		}

		RunNode apply(RunNode node) {
			List<RunNode> kept = new ArrayList<>(node.children().size());
			for (RunNode child : node.children()) {
				if (this.left == 0) {
					this.removed += child.size();
				}
				else {
					this.left--;
					kept.add(apply(child));
				}
			}
			return node.withChildren(kept);
		}

	}

}
