package dev.agentobs.cost;

/**
 * Receives the {@link AgentUsage} of every finished agent run: declare beans of this type. Called
 * on the thread that ran the agent, after the run ended; a listener that throws is logged (at
 * most once a minute) and never fails the run or the other listeners. Hand slow work (a database,
 * a billing API) to a queue of your own.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AgentUsageListener {

	/**
	 * The logger of the usage events {@code monitoring.usage.log=true} writes, one JSON object a
	 * run: route it to its own appender for a billing pipeline.
	 */
	String LOGGER = "dev.agentobs.usage";

	/**
	 * A run finished.
	 * @param usage what it used and for whom
	 */
	void onUsage(AgentUsage usage);

}
