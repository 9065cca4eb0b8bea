package dev.agentobs.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.agentobs.cost.ModelPrice;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.runs.RecentRuns;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.OperationBuilder;

/**
 * How much heap the recent runs keep once full: runs of many operations are fed through a ring
 * until it has forgotten most of them, and the heap the ring holds is measured as the heap in
 * use after a full collection with the ring reachable, less the same after it is dropped
 * ({@code MemoryMXBean}, {@code System.gc()} repeated until the figure settles). The feeding
 * happens on one thread, as fast as it can, so its rate is printed too.
 * <p>
 * Each run is {@value #STEPS} steps of one model call, {@value #TOOLS_PER_STEP} tool calls
 * and one code execution: {@value #OPERATIONS_PER_RUN} operations and the run itself, numbered
 * as the facade numbers them, with names from a small pool as an application has, a run id and
 * a trace id of its own, and one tool call in 50 failed with a message.
 *
 * <pre class="code">
 * java -cp benchmarks/target/benchmarks.jar dev.agentobs.benchmarks.RecentRunsFootprint [runs] [max-runs] [max-operations-per-run]
 * </pre>
 *
 * @since 0.1.0
 */
public final class RecentRunsFootprint {

	/** Steps of each run. */
	static final int STEPS = 25;

	/** Tool calls of each step. */
	static final int TOOLS_PER_STEP = 9;

	/** Operations of each run, the run itself not counted. */
	static final int OPERATIONS_PER_RUN = STEPS * (TOOLS_PER_STEP + 3);

	private static final String[] TOOLS = { "web_search", "fetch_page", "calculator", "fact_check", "read_file",
			"write_file", "sql_query", "send_email", "translate", "summarize", "vector_search", "rerank",
			"get_weather", "get_stock_price", "create_ticket", "lookup_customer", "list_orders", "refund",
			"schedule_meeting", "python" };

	private static final Instant START = Instant.parse("2026-11-27T00:00:00Z");

	private RecentRunsFootprint() {
	}

	/**
	 * Measure, and print the figures.
	 * @param args runs to feed (10000), runs kept (100), operations kept per run (200)
	 * @throws InterruptedException never in practice
	 */
	public static void main(String[] args) throws InterruptedException {
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int maxRuns = (args.length > 1) ? Integer.parseInt(args[1]) : RecentRuns.DEFAULT_MAX_RUNS;
		int maxOperations = (args.length > 2) ? Integer.parseInt(args[2]) : RecentRuns.DEFAULT_MAX_OPERATIONS_PER_RUN;
		Footprint footprint = measure(runs, maxRuns, maxOperations);
		System.out.printf("%d runs of %d operations fed, %d runs x %d operations kept (%d nodes)%n", runs,
				OPERATIONS_PER_RUN, maxRuns, maxOperations, footprint.nodes());
		System.out.printf("retained heap: %,d bytes (%.2f MB), %,d bytes per run kept, %.0f bytes per node%n",
				footprint.retainedBytes(), footprint.retainedBytes() / 1e6, footprint.retainedBytes() / maxRuns,
				(double) footprint.retainedBytes() / footprint.nodes());
		System.out.printf("fed at %.0f operations/s on one thread (%.0f ns per operation)%n",
				footprint.operationsPerSecond(), 1e9 / footprint.operationsPerSecond());
	}

	/**
	 * Feed runs through a ring and measure the heap it keeps: the median of three measurements.
	 * @param runs how many runs to feed
	 * @param maxRuns how many runs the ring keeps
	 * @param maxOperations how many operations of each run it keeps
	 * @return the figures
	 * @throws InterruptedException never in practice
	 */
	static Footprint measure(int runs, int maxRuns, int maxOperations) throws InterruptedException {
		long[] retained = new long[3];
		double rate = 0;
		int nodes = 0;
		CostCalculator costs = new CostCalculator(Map.of("gpt-4o", ModelPrice.of(2.5, 10)));
		for (int i = 0; i < retained.length; i++) {
			RecentRuns ring = new RecentRuns(maxRuns, maxOperations, costs);
			long started = System.nanoTime();
			for (int run = 0; run < runs; run++) {
				feedRun(ring, run);
			}
			rate = Math.max(rate, (double) runs * (OPERATIONS_PER_RUN + 1) / ((System.nanoTime() - started) / 1e9));
			nodes = ring.runs().stream().mapToInt((kept) -> kept.totals().operations() + 1).sum();
			long withRing = usedAfterGc();
			Reference.reachabilityFence(ring);
			ring = null;
			retained[i] = withRing - usedAfterGc();
		}
		Arrays.sort(retained);
		return new Footprint(retained[1], nodes, rate);
	}

	/**
	 * One run, its operations reported in the order they finish: each call, then its step,
	 * then the run.
	 */
	static void feedRun(RecentRuns ring, int run) {
		String runId = UUID.randomUUID().toString();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String traceId = Long.toHexString(random.nextLong() | Long.MIN_VALUE)
				+ Long.toHexString(random.nextLong() | Long.MIN_VALUE);
		long base = (long) run * 1_000_000;
		long runNumber = base + 1;
		long next = base + 2;
		long startMillis = run * 10_000L;
		long at = startMillis;
		for (int step = 1; step <= STEPS; step++) {
			long stepNumber = next++;
			long stepStart = at;
			ring.accept(at(AgentOperation.modelCall("openai", "gpt-4o"), runId, next++, stepNumber, at, 20)
				.tokens(1200, 300)
				.build());
			at += 20;
			for (int tool = 0; tool < TOOLS_PER_STEP; tool++) {
				var call = at(AgentOperation.toolCall(TOOLS[(step + tool) % TOOLS.length]), runId, next++, stepNumber,
						at, 5);
				if ((step * TOOLS_PER_STEP + tool) % 50 == 0) {
					call.error(new IllegalStateException("HTTP 503 from https://search.example.org/v1/query: the "
							+ "upstream index is rebuilding, retry after 30 s (request " + UUID.randomUUID() + ")"));
				}
				ring.accept(call.build());
				at += 5;
			}
			ring.accept(at(AgentOperation.codeExecution("python"), runId, next++, stepNumber, at, 3).build());
			at += 3;
			ring.accept(at(AgentOperation.agentStep("research-agent", step), runId, stepNumber, runNumber, stepStart,
					at - stepStart).build());
		}
		ring.accept(at(AgentOperation.agentRun("research-agent"), runId, runNumber, 0, startMillis, at - startMillis)
			.span(traceId, null)
			.build());
	}

	private static <B extends OperationBuilder<B, ?>> B at(B builder, String runId, long number, long parent,
			long startMillis, long millis) {
		return builder.agentName("research-agent")
			.runId(runId)
			.operationIds(number, parent)
			.endTime(START.plusMillis(startMillis + millis))
			.duration(Duration.ofMillis(millis));
	}

	private static long usedAfterGc() throws InterruptedException {
		long used = Long.MAX_VALUE;
		// Collect until the figure stops falling: finalization and reference processing may free more
		for (int i = 0; i < 10; i++) {
			System.gc();
			Thread.sleep(20);
			long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			if (now >= used && i >= 2) {
				return Math.min(now, used);
			}
			used = Math.min(used, now);
		}
		return used;
	}

	/**
	 * What one measurement found.
	 *
	 * @param retainedBytes the heap the full ring keeps
	 * @param nodes the operations it keeps, runs included
	 * @param operationsPerSecond how fast one thread fed it
	 */
	record Footprint(long retainedBytes, int nodes, double operationsPerSecond) {

	}

}
