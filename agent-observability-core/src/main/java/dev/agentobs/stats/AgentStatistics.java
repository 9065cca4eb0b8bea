package dev.agentobs.stats;

/**
 * The statistics of the agents for code: what {@code /actuator/agents} and the agents health
 * indicator show.
 *
 * <pre class="code">
 * StatisticsSnapshot snapshot = statistics.snapshot();
 * if (snapshot.overall().window().errorRate() &gt; 0.2) {
 *     ...
 * }
 * </pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AgentStatistics {

	/**
	 * The statistics as of now.
	 * @return an immutable snapshot
	 */
	StatisticsSnapshot snapshot();

}
