package dev.agentobs.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Log events of agent operations, under {@code monitoring.logging.*}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("monitoring.logging")
public class AgentLoggingProperties {

	/**
	 * Whether each finished agent run and model call is logged as one structured event.
	 */
	private boolean events = true;

	public boolean isEvents() {
		return this.events;
	}

	public void setEvents(boolean events) {
		this.events = events;
	}

}
