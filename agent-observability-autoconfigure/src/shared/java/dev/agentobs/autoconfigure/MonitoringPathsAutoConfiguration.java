package dev.agentobs.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.agentobs.autoconfigure.endpoint.ActuatorPaths;
import dev.agentobs.autoconfigure.endpoint.ActuatorPathsFilter;
import dev.agentobs.autoconfigure.endpoint.ActuatorPathsWebFilter;

/**
 * The extra paths of {@code monitoring.metrics.endpoint},
 * {@code monitoring.health-checks.endpoint} and {@code monitoring.health-checks.detailed-endpoint}:
 * the Prometheus scrape, the health and the health group {@code detailed} on paths of the
 * application's own, as other frameworks serve them, in servlet and reactive applications.
 * Spring Boot's {@code additional-path} of health groups takes one path segment only, so the
 * paths are handled as the actuator's.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnMonitoringEnabled
@ConditionalOnClass(name = { "org.springframework.web.server.WebFilter",
		"org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints" })
@Conditional(MonitoringPathsAutoConfiguration.OnExtraPathCondition.class)
@EnableConfigurationProperties({ AgentMetricsProperties.class, HealthChecksProperties.class })
public final class MonitoringPathsAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MonitoringPathsAutoConfiguration.class);

	@Bean
	ActuatorPaths agentActuatorPaths(AgentMetricsProperties metrics, HealthChecksProperties health,
			ObjectProvider<PathMappedEndpoints> endpoints, Environment environment) {
		Map<String, String> paths = new LinkedHashMap<>();
		if (metrics.getEndpoint() != null) {
			paths.put(metrics.getEndpoint(), "prometheus");
		}
		if (health.isEnabled() && health.getEndpoint() != null) {
			paths.put(health.getEndpoint(), "health");
		}
		if (health.isEnabled() && health.getDetailedEndpoint() != null) {
			paths.put(health.getDetailedEndpoint(), "health/detailed");
		}
		String managementPort = environment.getProperty("management.server.port");
		if (managementPort != null && !Objects.equals(managementPort, environment.getProperty("server.port"))) {
			logger.warn("{} are not served: the actuator is on management.server.port {}, not the application's",
					paths.keySet(), managementPort);
			paths.clear();
		}
		return new ActuatorPaths(paths, (id) -> {
			PathMappedEndpoints mapped = endpoints.getIfAvailable();
			return (mapped != null) ? mapped.getPath(EndpointId.of(id)) : null;
		});
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.filter.OncePerRequestFilter")
	static class ServletPathsConfiguration {

		@Bean
		ActuatorPathsFilter agentActuatorPathsFilter(ActuatorPaths paths) {
			return new ActuatorPathsFilter(paths);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(name = "reactor.core.publisher.Mono")
	static class ReactivePathsConfiguration {

		@Bean
		ActuatorPathsWebFilter agentActuatorPathsWebFilter(ActuatorPaths paths) {
			return new ActuatorPathsWebFilter(paths);
		}

	}

	/**
	 * Matches when one of the extra paths is set.
	 */
	static class OnExtraPathCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Binder binder = Binder.get(context.getEnvironment());
			for (String key : new String[] { "monitoring.metrics.endpoint", "monitoring.health-checks.endpoint",
					"monitoring.health-checks.detailed-endpoint" }) {
				if (binder.bind(key, String.class).isBound()) {
					return ConditionOutcome.match(key + " is set");
				}
			}
			return ConditionOutcome.noMatch("no extra path of the actuator's endpoints is set");
		}

	}

}
