package dev.agentobs.autoconfigure.endpoint;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves actuator endpoints on extra paths of a servlet application, such as {@code /metrics} for
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

	private final ActuatorPaths paths;

	/**
	 * @param paths the extra paths and what each serves
	 */
	public ActuatorPathsFilter(ActuatorPaths paths) {
		this.paths = paths;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String target = this.paths.target(request.getRequestURI().substring(request.getContextPath().length()));
		if (target == null) {
			chain.doFilter(request, response);
			return;
		}
		request.getRequestDispatcher(target).forward(request, response);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

}
