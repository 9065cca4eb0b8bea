package dev.agentobs.autoconfigure.health;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import dev.agentobs.internal.health.AgentsHealth;
import dev.agentobs.internal.health.AgentsHealthCheck;

/**
 * The {@code agents} health indicator: the verdict of an {@link AgentsHealthCheck} as Spring
 * Boot's health, its reason first among the details.
 *
 * @since 0.1.0
 */
public class AgentsHealthIndicator extends AbstractHealthIndicator {

	/**
	 * The agents work but too many requests fail or take too long. Ranked between DOWN and UP
	 * and answered with HTTP 200: a slow model provider must not take a pod out of service.
	 */
	public static final Status DEGRADED = new Status("DEGRADED");

	private final AgentsHealthCheck check;

	/**
	 * Create the indicator.
	 * @param check judges the agents
	 */
	public AgentsHealthIndicator(AgentsHealthCheck check) {
		super("Agents health check failed");
		this.check = check;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		AgentsHealth health = this.check.check();
		builder.status(switch (health.status()) {
			case UP -> Status.UP;
			case DEGRADED -> DEGRADED;
			case DOWN -> Status.DOWN;
		});
		if (health.reason() != null) {
			builder.withDetail("reason", health.reason());
		}
		builder.withDetails(health.details());
	}

}
