package dev.agentobs.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Usage records of agent runs (user, tenant, conversation, tokens, cost), under
 * {@code monitoring.usage.*}: given to every AgentUsageListener bean, and logged when asked.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("monitoring.usage")
public class AgentUsageProperties implements Validator {

	/**
	 * Whether the usage of every finished agent run is logged as one JSON object, at INFO, on
	 * the logger dev.agentobs.usage, for an analytics or billing pipeline.
	 */
	private boolean log;

	public boolean isLog() {
		return this.log;
	}

	public void setLog(boolean log) {
		this.log = log;
	}

	@Override
	public boolean supports(Class<?> type) {
		return AgentUsageProperties.class == type;
	}

	@Override
	public void validate(Object target, Errors errors) {
		// A boolean has no bad value the binder lets through
	}

}
