package dev.agentobs.operation;

/**
 * Consumes finished {@link AgentOperation}s: metrics, statistics, cost, event listeners, log
 * events. Called on the thread that finished the operation, so an implementation must be quick
 * and must not block on I/O. An exception it throws is logged and never reaches the agent.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AgentOperationSink {

	/**
	 * Take one finished operation.
	 * @param operation the operation
	 */
	void accept(AgentOperation operation);

}
