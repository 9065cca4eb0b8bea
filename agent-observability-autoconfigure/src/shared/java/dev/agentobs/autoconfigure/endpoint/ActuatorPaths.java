package dev.agentobs.autoconfigure.endpoint;

import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Extra paths of the application that serve actuator endpoints, such as {@code /metrics} for
 * {@code /actuator/prometheus}: for each request path, the actuator path it stands for.
 *
 * @since 0.1.0
 */
public final class ActuatorPaths {

	private final Map<String, String> endpoints;

	private final Function<String, @Nullable String> actuatorPath;

	/**
	 * @param endpoints the extra paths, each with what it serves: an endpoint id, or an
	 * endpoint id and a path below it (such as {@code health/detailed})
	 * @param actuatorPath the path an endpoint id is served at, such as
	 * {@code /actuator/prometheus}, or {@code null} when it is not exposed; read on each
	 * request, as the exposed endpoints are known only once the context has started
	 */
	public ActuatorPaths(Map<String, String> endpoints, Function<String, @Nullable String> actuatorPath) {
		this.endpoints = Map.copyOf(endpoints);
		this.actuatorPath = actuatorPath;
	}

	/**
	 * The actuator path a request path stands for.
	 * @param path the request's path within the application (without its context path)
	 * @return the actuator path, or {@code null} when the path is none of the extra paths or
	 * its endpoint is not exposed
	 */
	@Nullable String target(String path) {
		String served = this.endpoints.get(path);
		if (served == null) {
			return null;
		}
		int slash = served.indexOf('/');
		String id = (slash < 0) ? served : served.substring(0, slash);
		String endpointPath = this.actuatorPath.apply(id);
		return (endpointPath != null) ? endpointPath + ((slash < 0) ? "" : served.substring(slash)) : null;
	}

}
