package dev.agentobs.autoconfigure.endpoint;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves actuator endpoints on extra paths of the application, such as {@code /metrics} for
 * {@code /actuator/prometheus}, by forwarding each request there: the endpoint answers as it
 * does on its own path (content negotiation, status, the application's security rules for
 * the actuator path). A path whose endpoint is not exposed goes on to the application.
 * <p>
 * Ordered after Spring Security's filter, so that the request is checked as it came, and
 * again, as forwarded, against the actuator path.
 *
 * @since 0.1.0
 */
public final class ActuatorPathsFilter extends OncePerRequestFilter implements Ordered {

	private final Map<String, String> endpoints;

	private final Function<String, @Nullable String> actuatorPath;

	/**
	 * @param endpoints the extra paths, each with what it serves: an endpoint id, or an
	 * endpoint id and a path below it (such as {@code health/detailed})
	 * @param actuatorPath the path an endpoint id is served at, such as
	 * {@code /actuator/prometheus}, or {@code null} when it is not exposed; read on each
	 * request, as the exposed endpoints are known only once the context has started
	 */
	public ActuatorPathsFilter(Map<String, String> endpoints, Function<String, @Nullable String> actuatorPath) {
		this.endpoints = Map.copyOf(endpoints);
		this.actuatorPath = actuatorPath;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String target = target(request.getRequestURI().substring(request.getContextPath().length()));
		if (target == null) {
			chain.doFilter(request, response);
			return;
		}
		request.getRequestDispatcher(target).forward(request, response);
	}

	private @Nullable String target(String path) {
		String served = this.endpoints.get(path);
		if (served == null) {
			return null;
		}
		int slash = served.indexOf('/');
		String id = (slash < 0) ? served : served.substring(0, slash);
		String endpointPath = this.actuatorPath.apply(id);
		return (endpointPath != null) ? endpointPath + ((slash < 0) ? "" : served.substring(slash)) : null;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

}
