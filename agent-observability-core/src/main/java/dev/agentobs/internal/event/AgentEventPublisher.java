package dev.agentobs.internal.event;

import java.time.Duration;
import java.util.List;

import org.slf4j.LoggerFactory;

import dev.agentobs.event.AgentEvent;
import dev.agentobs.event.AgentEventListener;
import dev.agentobs.internal.support.ThrottledLogger;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;

/**
 * Hands each finished operation, as an {@link AgentEvent}, to every listener. A listener that
 * throws is logged at most once a minute and the others still run.
 *
 * @since 0.1.0
 */
public class AgentEventPublisher implements AgentOperationSink {

	private static final ThrottledLogger logger = new ThrottledLogger(
			LoggerFactory.getLogger(AgentEventPublisher.class), Duration.ofMinutes(1));

	private final AgentEventListener[] listeners;

	public AgentEventPublisher(List<AgentEventListener> listeners) {
		this.listeners = listeners.toArray(new AgentEventListener[0]);
	}

	@Override
	public void accept(AgentOperation operation) {
		AgentEvent event = AgentEvent.of(operation);
		for (AgentEventListener listener : this.listeners) {
			try {
				listener.onEvent(event);
			}
			catch (Throwable ex) {
				logger.warn(listener.getClass(), "Agent event listener " + listener.getClass().getName()
						+ " failed on " + event.name() + "; the agent is not affected", ex);
			}
		}
	}

}
