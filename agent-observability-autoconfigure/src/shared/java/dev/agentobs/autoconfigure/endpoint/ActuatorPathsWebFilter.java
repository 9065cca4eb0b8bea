package dev.agentobs.autoconfigure.endpoint;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Serves actuator endpoints on extra paths of a reactive application, such as
 * {@code /metrics} for {@code /actuator/prometheus}, by handling each such request as one for
 * the actuator path. A path whose endpoint is not exposed goes on to the application.
 * <p>
 * Ordered before Spring Security's filter chain, so that the request is checked against the
 * actuator path it is handled as, the one the application's rules for the actuator name.
 *
 * @since 0.1.0
 */
public final class ActuatorPathsWebFilter implements WebFilter, Ordered {

	/** Before Spring Security's {@code WebFilterChainProxy}, at -100. */
	private static final int ORDER = -200;

	private final ActuatorPaths paths;

	/**
	 * @param paths the extra paths and what each serves
	 */
	public ActuatorPathsWebFilter(ActuatorPaths paths) {
		this.paths = paths;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String target = this.paths.target(request.getPath().pathWithinApplication().value());
		if (target == null) {
			return chain.filter(exchange);
		}
		ServerHttpRequest actuator = request.mutate().path(request.getPath().contextPath().value() + target).build();
		return chain.filter(exchange.mutate().request(actuator).build());
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
