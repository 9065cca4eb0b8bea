package dev.agentobs.observation;

import java.time.Duration;
import java.util.List;

import org.slf4j.LoggerFactory;

import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;

/**
 * Hands each finished operation to every {@link AgentOperationSink}, isolating them from each
 * other and from the agent: a sink that throws is logged (at most once a minute per sink) and
 * the others still run.
 *
 * @since 0.1.0
 */
public final class AgentOperationDispatcher {

	private static final ThrottledLogger logger = new ThrottledLogger(
			LoggerFactory.getLogger(AgentOperationDispatcher.class), Duration.ofMinutes(1));

	private final AgentOperationSink[] sinks;

	public AgentOperationDispatcher(List<? extends AgentOperationSink> sinks) {
		this.sinks = sinks.toArray(new AgentOperationSink[0]);
	}

	/**
	 * Hand one finished operation to every sink.
	 * @param operation the operation
	 */
	public void dispatch(AgentOperation operation) {
		for (AgentOperationSink sink : this.sinks) {
			try {
				sink.accept(operation);
			}
			catch (Throwable ex) {
				logger.warn(sink.getClass(), "Agent operation sink " + sink.getClass().getName()
						+ " failed on " + operation + "; the agent is not affected", ex);
			}
		}
	}

}
