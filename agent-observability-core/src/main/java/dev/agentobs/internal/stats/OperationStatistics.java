package dev.agentobs.internal.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.cost.CostTracker;
import dev.agentobs.internal.metrics.TagValueLimiter;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.observation.GenAiAttributes;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;
import dev.agentobs.operation.AgentRun;
import dev.agentobs.operation.RunUsage;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.ResponseStream;
import dev.agentobs.operation.TokenUsage;
import dev.agentobs.operation.ToolCall;
import dev.agentobs.stats.AgentStatistics;
import dev.agentobs.stats.ComponentStatistics;
import dev.agentobs.stats.OperationSummary;
import dev.agentobs.stats.RunCost;
import dev.agentobs.stats.StatisticsSnapshot;

/**
 * Rolling statistics of every finished agent operation: per agent (its runs, and the tokens
 * of the model calls made in them), per model, per tool, and for all requests together. A
 * request is an agent run, or a model call, tool call or code execution outside any agent
 * run, so that a failing tool call an agent recovers from is not counted as a failed request.
 * <p>
 * The window is a ring of {@value #WINDOW_STEPS} + 1 time slots: an operation counts from
 * when it is reported for the length of the window and at most a tenth longer. Recording is
 * lock-free and allocates only when a new time slot starts or an operation failed (to keep
 * its masked message); memory is fixed per name and names are capped as the metrics cap
 * them, so a flood of distinct tool names cannot grow it.
 *
 * @since 0.1.0
 */
public class OperationStatistics implements AgentOperationSink, AgentStatistics {

	/** How many steps the window moves in over its length. */
	public static final int WINDOW_STEPS = 10;

	/** How many recent failures are kept. */
	public static final int MAX_RECENT_ERRORS = 20;

	/** The shortest window: a step of a tenth of it is still 100 milliseconds. */
	public static final Duration MIN_WINDOW = Duration.ofSeconds(1);

	/**
	 * The longest window. Health and alerts judge what happens now; a longer look back is
	 * Prometheus's job, and "today" has figures of its own.
	 */
	public static final Duration MAX_WINDOW = Duration.ofDays(1);

	private final Clock clock;

	private final Duration window;

	private final long stepMillis;

	private final Instant started;

	private final TagValueLimiter agentNames;

	private final TagValueLimiter modelNames;

	private final TagValueLimiter toolNames;

	private final RollingStatistics overall = newStatistics();

	private final ConcurrentMap<String, RollingStatistics> agents = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, RollingStatistics> models = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, RunCosts> runCosts = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, RollingStatistics> tools = new ConcurrentHashMap<>();

	// The times to first chunk of each model's streamed calls, counted as if they were calls
	private final ConcurrentMap<String, RollingStatistics> firstChunks = new ConcurrentHashMap<>();

	private final RecentErrors recentErrors = new RecentErrors(MAX_RECENT_ERRORS);

	private final @Nullable ActiveAgentRuns activeRuns;

	private final @Nullable CostTracker costTracker;

	/**
	 * Create the statistics.
	 * @param window the length of the rolling window, from {@link #MIN_WINDOW} to
	 * {@link #MAX_WINDOW}
	 * @param limits the caps on names, shared with the metrics
	 * @param clock the time of each operation and of each snapshot
	 * @param activeRuns counts the runs in progress, or {@code null}
	 * @param costTracker the day's tokens and cost, or {@code null}
	 */
	public OperationStatistics(Duration window, TagValueLimits limits, Clock clock,
			@Nullable ActiveAgentRuns activeRuns, @Nullable CostTracker costTracker) {
		checkWindow("window", window);
		this.clock = clock;
		this.window = window;
		this.stepMillis = window.toMillis() / WINDOW_STEPS;
		this.started = clock.instant();
		this.agentNames = limits.forLabel(GenAiAttributes.AGENT_NAME.key());
		this.modelNames = limits.forLabel(GenAiAttributes.REQUEST_MODEL.key());
		this.toolNames = limits.forLabel(GenAiAttributes.TOOL_NAME.key());
		this.activeRuns = activeRuns;
		this.costTracker = costTracker;
	}

	/**
	 * Check the length of the rolling window, for code that reads it from configuration and
	 * wants to report a bad one under its own name.
	 * @param name the name to report, such as {@code window}
	 * @param window the length of the rolling window
	 * @throws IllegalArgumentException naming {@code name}, the window and what would be right
	 */
	public static void checkWindow(String name, @Nullable Duration window) {
		if (window == null || window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
			throw new IllegalArgumentException(name + " must be from 1s to 1d (5m suits most services), was " + window);
		}
	}

	@Override
	public void accept(AgentOperation operation) {
		long now = this.clock.millis();
		long slot = now / this.stepMillis;
		long nanos = operation.duration().toNanos();
		boolean failed = operation.failed();
		String agent = operation.agentName();
		if (operation instanceof AgentRun run) {
			statistics(this.agents, this.agentNames, run.agentName()).record(slot, nanos, failed);
			RunUsage usage = run.usage();
			if (usage.modelCalls() > 0 && usage.costKnown()) {
				String name = this.agentNames.limit(run.agentName());
				RunCosts costs = this.runCosts.get(name);
				(costs != null ? costs : this.runCosts.computeIfAbsent(name, (key) -> new RunCosts())).add(usage.cost());
			}
		}
		else if (operation instanceof ModelCall call) {
			TokenUsage tokens = call.tokens();
			RollingStatistics model = statistics(this.models, this.modelNames, call.requestModel());
			model.record(slot, nanos, failed);
			model.recordTokens(slot, tokens);
			ResponseStream stream = call.stream();
			if (stream != null && stream.hasChunks()) {
				statistics(this.firstChunks, this.modelNames, call.requestModel()).record(slot,
						stream.timeToFirstChunk().toNanos(), false);
			}
			this.overall.recordTokens(slot, tokens);
			if (agent != null) {
				statistics(this.agents, this.agentNames, agent).recordTokens(slot, tokens);
			}
		}
		else if (operation instanceof ToolCall call) {
			statistics(this.tools, this.toolNames, call.toolName()).record(slot, nanos, failed);
		}
		if (isRequest(operation)) {
			this.overall.record(slot, nanos, failed);
		}
		if (failed) {
			this.recentErrors.add(Instant.ofEpochMilli(now), operation);
		}
	}

	private static boolean isRequest(AgentOperation operation) {
		return switch (operation.kind()) {
			case AGENT_RUN -> true;
			case AGENT_STEP -> false;
			// Operations of a run carry its id; recorded ones without it are counted on their own.
			default -> operation.runId() == null;
		};
	}

	private static RollingStatistics statistics(ConcurrentMap<String, RollingStatistics> statistics,
			TagValueLimiter names, String name) {
		String limited = names.limit(name);
		RollingStatistics existing = statistics.get(limited);
		return (existing != null) ? existing : statistics.computeIfAbsent(limited, (key) -> newStatistics());
	}

	private static RollingStatistics newStatistics() {
		// One slot more than the steps: the current, partly elapsed one.
		return new RollingStatistics(WINDOW_STEPS + 1);
	}

	@Override
	public StatisticsSnapshot snapshot() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		long slot = now.toEpochMilli() / this.stepMillis;
		Map<String, Integer> activeByAgent = (this.activeRuns != null) ? this.activeRuns.byAgent() : Map.of();
		int active = 0;
		for (int runs : activeByAgent.values()) {
			active += runs;
		}
		// Agents with runs in progress show up before their first run finishes.
		Set<String> agentNames = new TreeSet<>(this.agents.keySet());
		agentNames.addAll(activeByAgent.keySet());
		Map<String, ComponentStatistics> agents = new TreeMap<>();
		for (String name : agentNames) {
			RollingStatistics statistics = this.agents.get(name);
			RunCosts costs = this.runCosts.get(name);
			RunCost runCost = (costs != null) ? costs.summary() : RunCost.NONE;
			agents.put(name, (statistics != null)
					? new ComponentStatistics(name, statistics.window(slot), statistics.total(), runCost)
					: new ComponentStatistics(name, OperationSummary.EMPTY, OperationSummary.EMPTY, runCost));
		}
		// The window starts with the oldest slot it holds.
		Instant windowStart = Instant.ofEpochMilli((slot - WINDOW_STEPS) * this.stepMillis);
		return new StatisticsSnapshot(now, Duration.between(this.started, now), this.window,
				component("overall", this.overall, slot), active, unmodifiable(activeByAgent), unmodifiable(agents),
				models(slot), components(this.tools, slot), this.recentErrors.since(windowStart),
				(this.costTracker != null) ? this.costTracker.today() : null);
	}

	private Map<String, ComponentStatistics> models(long slot) {
		Map<String, ComponentStatistics> models = new TreeMap<>();
		this.models.forEach((name, value) -> {
			RollingStatistics firstChunks = this.firstChunks.get(name);
			models.put(name, (firstChunks != null)
					? new ComponentStatistics(name, value.window(slot).withFirstChunks(firstChunks.window(slot)),
							value.total().withFirstChunks(firstChunks.total()))
					: component(name, value, slot));
		});
		return unmodifiable(models);
	}

	private static Map<String, ComponentStatistics> components(Map<String, RollingStatistics> statistics,
			long slot) {
		Map<String, ComponentStatistics> components = new TreeMap<>();
		statistics.forEach((name, value) -> components.put(name, component(name, value, slot)));
		return unmodifiable(components);
	}

	private static ComponentStatistics component(String name, RollingStatistics statistics, long slot) {
		return new ComponentStatistics(name, statistics.window(slot), statistics.total());
	}

	private static <V> Map<String, V> unmodifiable(Map<String, V> sorted) {
		return Collections.unmodifiableMap(sorted);
	}

	/**
	 * How many tools have statistics of their own, for tests of the memory bound.
	 * @return at most the cap on tool names, plus one for the names past it
	 */
	int toolCount() {
		return this.tools.size();
	}

	/**
	 * The statistics of one tool, for tests of the memory bound.
	 * @param name the tool's name as capped
	 * @return its statistics or {@code null}
	 */
	@Nullable RollingStatistics tool(String name) {
		return this.tools.get(name);
	}

}
