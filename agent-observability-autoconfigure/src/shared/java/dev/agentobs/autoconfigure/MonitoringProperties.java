package dev.agentobs.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import dev.agentobs.internal.stats.OperationStatistics;

/**
 * The master switch and the rolling window of agent observability, under
 * {@code monitoring.*}. Each concern has its own properties beside these: metrics, tracing,
 * logging, health, health checks, cost, budgets, usage, alerts, bridges and recent runs. A bad value stops start-up with a failure
 * analysis naming the key, the value and what would be right; so does an unknown key, unless
 * {@code monitoring.strict-keys=false}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("monitoring")
public class MonitoringProperties implements Validator {

	/**
	 * Whether agent observability is on. When false the starter adds no bean at all.
	 */
	private boolean enabled = true;

	/**
	 * The rolling window of the statistics behind the agents health indicator and
	 * /actuator/agents, from 1s to 1d. An operation counts for the length of the window and at
	 * most a tenth longer: the window moves in steps of a tenth of its length.
	 */
	private Duration window = Duration.ofMinutes(5);

	/**
	 * Whether a key under monitoring. that no property of the starter knows stops start-up,
	 * naming the nearest known key. When false, each such key is logged as a warning instead:
	 * for keys under monitoring. that configure something else.
	 */
	private boolean strictKeys = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getWindow() {
		return this.window;
	}

	public void setWindow(Duration window) {
		this.window = window;
	}

	public boolean isStrictKeys() {
		return this.strictKeys;
	}

	public void setStrictKeys(boolean strictKeys) {
		this.strictKeys = strictKeys;
	}

	@Override
	public boolean supports(Class<?> type) {
		return MonitoringProperties.class == type;
	}

	@Override
	public void validate(Object target, Errors errors) {
		if (target instanceof MonitoringProperties properties) {
			PropertyErrors.check(errors, "window", () -> OperationStatistics.checkWindow("window", properties.window));
		}
	}

}
