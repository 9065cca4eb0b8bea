package dev.agentobs.test.app;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.agentobs.event.AgentEvent;
import dev.agentobs.event.AgentEventListener;
import dev.agentobs.operation.AgentOperation;

/**
 * Warns of agent runs slower than half a minute: a listener the slice includes without being
 * named.
 */
@Component
public class SlowRunWarning implements AgentEventListener {

	private static final Logger logger = LoggerFactory.getLogger(SlowRunWarning.class);

	private static final Duration SLOW = Duration.ofSeconds(30);

	@Override
	public void onEvent(AgentEvent event) {
		if (event.operation().kind() == AgentOperation.Kind.AGENT_RUN && event.duration().compareTo(SLOW) > 0) {
			logger.warn("Agent run took {}", event.duration());
		}
	}

}
