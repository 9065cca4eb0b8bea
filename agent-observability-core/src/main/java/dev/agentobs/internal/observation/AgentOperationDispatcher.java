package dev.agentobs.internal.observation;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.LoggerFactory;

import dev.agentobs.internal.support.ThrottledLogger;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;

/**
 * Hands each finished operation to every {@link AgentOperationSink}, isolating them from each
 * other and from the agent: a sink that throws is logged (at most once a minute per sink) and
 * the others still run. The sinks may be given as a supplier read on the first dispatch, so
 * that whoever creates the dispatcher early (with the observation registry) does not create
 * every sink with it.
 *
 * @since 0.1.0
 */
public final class AgentOperationDispatcher {

	private static final ThrottledLogger logger = new ThrottledLogger(
			LoggerFactory.getLogger(AgentOperationDispatcher.class), Duration.ofMinutes(1));

	private static final AgentOperationSink[] UNRESOLVED = new AgentOperationSink[0];

	private final Supplier<? extends List<? extends AgentOperationSink>> sinkSupplier;

	private volatile AgentOperationSink[] sinks = UNRESOLVED;

	/**
	 * Create a dispatcher to the given sinks.
	 * @param sinks the sinks, in the order they receive each operation
	 */
	public AgentOperationDispatcher(List<? extends AgentOperationSink> sinks) {
		this(() -> sinks);
	}

	/**
	 * Create a dispatcher whose sinks are read once, on the first dispatch.
	 * @param sinks supplies the sinks, in the order they receive each operation
	 */
	public AgentOperationDispatcher(Supplier<? extends List<? extends AgentOperationSink>> sinks) {
		this.sinkSupplier = sinks;
	}

	/**
	 * Hand one finished operation to every sink.
	 * @param operation the operation
	 */
	public void dispatch(AgentOperation operation) {
		AgentOperationSink[] sinks = this.sinks;
		if (sinks == UNRESOLVED) {
			sinks = resolveSinks();
		}
		for (AgentOperationSink sink : sinks) {
			try {
				sink.accept(operation);
			}
			catch (Throwable ex) {
				logger.warn(sink.getClass(), "Agent operation sink " + sink.getClass().getName()
						+ " failed on " + operation + "; the agent is not affected", ex);
			}
		}
	}

	private synchronized AgentOperationSink[] resolveSinks() {
		if (this.sinks == UNRESOLVED) {
			this.sinks = this.sinkSupplier.get().toArray(new AgentOperationSink[0]);
		}
		return this.sinks;
	}

}
