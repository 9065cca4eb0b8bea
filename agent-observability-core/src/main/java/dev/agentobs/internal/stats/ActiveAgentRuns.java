package dev.agentobs.internal.stats;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import dev.agentobs.internal.metrics.TagValueLimiter;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.observation.AgentRunContext;
import dev.agentobs.observation.GenAiAttributes;

/**
 * Counts the agent runs in progress, per agent: a run counts from the start of its
 * observation to its stop. Finished operations alone cannot tell, so this watches the
 * observations themselves; runs recorded after they finished were never in progress here.
 * Framework bridges count their runs through {@link #started(String)} and
 * {@link #finished(String)}. The one count behind {@code agent_active_runs}, the statistics and
 * the health indicator.
 *
 * @since 0.1.0
 */
public class ActiveAgentRuns implements ObservationHandler<AgentRunContext> {

	private final TagValueLimiter agents;

	private final ConcurrentMap<String, AtomicInteger> runs = new ConcurrentHashMap<>();

	private final List<BiConsumer<String, AtomicInteger>> newAgentListeners = new CopyOnWriteArrayList<>();

	/**
	 * Create the counter.
	 * @param limits the caps on agent names, shared with the metrics
	 */
	public ActiveAgentRuns(TagValueLimits limits) {
		this.agents = limits.forLabel(GenAiAttributes.AGENT_NAME.key());
	}

	@Override
	public void onStart(AgentRunContext context) {
		AtomicInteger count = count(this.agents.limit(context.getAgentName()));
		count.incrementAndGet();
		// The same counter goes down on stop, whatever happens to the name limits in between.
		context.put(ActiveAgentRuns.class, count);
	}

	@Override
	public void onStop(AgentRunContext context) {
		AtomicInteger count = context.get(ActiveAgentRuns.class);
		if (count != null) {
			count.decrementAndGet();
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof AgentRunContext;
	}

	/**
	 * Count a run that is not observed here, such as one a framework bridge sees, as started.
	 * @param agentName the run's agent
	 */
	public void started(String agentName) {
		count(this.agents.limit(agentName)).incrementAndGet();
	}

	/**
	 * Count a run counted with {@link #started(String)} as finished.
	 * @param agentName the run's agent
	 */
	public void finished(String agentName) {
		count(this.agents.limit(agentName)).decrementAndGet();
	}

	/**
	 * Be told of the counter of every agent, those seen so far and those to come, such as to
	 * register a gauge for each.
	 * @param listener receives the agent's name and its counter of runs in progress
	 */
	public void onNewAgent(BiConsumer<String, AtomicInteger> listener) {
		this.newAgentListeners.add(listener);
		this.runs.forEach(listener);
	}

	private AtomicInteger count(String agent) {
		AtomicInteger count = this.runs.get(agent);
		if (count != null) {
			return count;
		}
		AtomicInteger fresh = new AtomicInteger();
		AtomicInteger existing = this.runs.putIfAbsent(agent, fresh);
		if (existing != null) {
			return existing;
		}
		for (BiConsumer<String, AtomicInteger> listener : this.newAgentListeners) {
			listener.accept(agent, fresh);
		}
		return fresh;
	}

	/**
	 * The agent runs in progress.
	 * @return their number
	 */
	public int total() {
		int total = 0;
		for (AtomicInteger count : this.runs.values()) {
			total += count.get();
		}
		return total;
	}

	/**
	 * The agent runs in progress per agent, for agents with at least one.
	 * @return the runs by agent name, sorted by name
	 */
	public Map<String, Integer> byAgent() {
		Map<String, Integer> byAgent = new TreeMap<>();
		this.runs.forEach((agent, count) -> {
			int value = count.get();
			if (value > 0) {
				byAgent.put(agent, value);
			}
		});
		return byAgent;
	}

}
