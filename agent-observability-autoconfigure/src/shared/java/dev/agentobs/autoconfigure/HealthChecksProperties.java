package dev.agentobs.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Health on extra paths of the application's port, as other frameworks serve it, under
 * {@code monitoring.health-checks.*}; {@code /actuator/health} stays.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("monitoring.health-checks")
public class HealthChecksProperties implements Validator {

	/**
	 * Whether the extra paths are served and the agents health indicator is on
	 * (management.health.agents.enabled, unless set).
	 */
	private boolean enabled = true;

	/**
	 * An extra path, such as /health, that serves /actuator/health.
	 * Not set: none.
	 */
	private @Nullable String endpoint;

	/**
	 * An extra path, such as /health/detailed, that serves the health group detailed: the
	 * agents health indicator with its details (show-details always, unless set), also at
	 * /actuator/health/detailed. Not set: none.
	 */
	private @Nullable String detailedEndpoint;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(@Nullable String endpoint) {
		this.endpoint = endpoint;
	}

	public @Nullable String getDetailedEndpoint() {
		return this.detailedEndpoint;
	}

	public void setDetailedEndpoint(@Nullable String detailedEndpoint) {
		this.detailedEndpoint = detailedEndpoint;
	}

	@Override
	public boolean supports(Class<?> type) {
		return HealthChecksProperties.class == type;
	}

	@Override
	public void validate(Object target, Errors errors) {
		if (target instanceof HealthChecksProperties properties) {
			checkPath(errors, "endpoint", properties.endpoint, "/health");
			checkPath(errors, "detailed-endpoint", properties.detailedEndpoint, "/health/detailed");
		}
	}

	// A path of the application's own, not under the actuator's, with nothing to match
	static void checkPath(Errors errors, String field, @Nullable String path, String example) {
		if (path != null) {
			PropertyErrors.check(errors, path.startsWith("/") && path.length() > 1 && !path.contains("*")
					&& !path.contains("?") && !path.contains("{") && !path.contains(" "), field, path,
					"a path such as " + example);
		}
	}

}
