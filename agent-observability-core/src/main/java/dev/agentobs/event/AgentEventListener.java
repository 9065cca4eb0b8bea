package dev.agentobs.event;

/**
 * Receives every finished agent operation. Declare beans of this type to feed StatsD, Datadog,
 * an audit log or anything else; with no such bean, no event is built. Called on the agent's
 * thread: keep it quick and hand slow work to another thread. An exception it throws is logged
 * and never reaches the agent.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AgentEventListener {

	/**
	 * Handle one event.
	 * @param event the event
	 */
	void onEvent(AgentEvent event);

}
