package dev.agentobs.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.agentobs.autoconfigure.UnknownMonitoringKeysException.UnknownKey;

/**
 * Stops start-up when a key under {@code monitoring.} is no key of the starter, naming the
 * nearest known one: a typo such as {@code monitoring.helth.min-requests} would otherwise be
 * ignored and leave the default in place. With {@code monitoring.strict-keys=false} each such
 * key is logged as a warning instead.
 * <p>
 * It runs once the bean factory is ready and before any bean is created: every property
 * source is in place by then (those an initializer or a test adds too), no bean has read a
 * setting yet, and the failure is one analysis. Every property source is checked, environment
 * variables too, except variables shaped like Kubernetes service links
 * ({@code MONITORING_SERVICE_HOST}, {@code MONITORING_PORT_...}), which Kubernetes sets for a
 * service named "monitoring".
 */
final class MonitoringKeysCheck implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(MonitoringKeysCheck.class);

	private static final String STRICT_KEYS = "monitoring.strict-keys";

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (this.environment == null) {
			return;
		}
		long start = System.nanoTime();
		MonitoringKeys keys = MonitoringKeys.load(beanFactory.getBeanClassLoader());
		if (keys.isEmpty()) {
			logger.warn("No configuration metadata of monitoring.* on the class path: unknown keys are not checked");
			return;
		}
		List<UnknownKey> unknown = unknownKeys(this.environment, keys);
		logger.debug("Checked the keys under monitoring. in {} ms", (System.nanoTime() - start) / 1_000_000);
		if (unknown.isEmpty()) {
			return;
		}
		if (Binder.get(this.environment).bind(STRICT_KEYS, Boolean.class).orElse(true)) {
			throw new UnknownMonitoringKeysException(unknown);
		}
		for (UnknownKey key : unknown) {
			logger.warn("{}{} is ignored: {} ({}=false)", key.key(), (key.origin() != null) ? " (" + key.origin() + ")" : "",
					key.reason(), STRICT_KEYS);
		}
	}

	/**
	 * The keys under {@code monitoring.} of an environment that are not known.
	 * @param environment the environment
	 * @param keys the known keys
	 * @return the unknown keys, each once, in the order of the property sources
	 */
	static List<UnknownKey> unknownKeys(Environment environment, MonitoringKeys keys) {
		Map<ConfigurationPropertyName, UnknownKey> unknown = new LinkedHashMap<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			boolean environmentVariables = source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
			for (ConfigurationPropertyName name : iterable) {
				if (!MonitoringKeys.ROOT.isAncestorOf(name) || unknown.containsKey(name)
						|| (environmentVariables && isServiceLink(name)) || keys.isKnown(name, environmentVariables)) {
					continue;
				}
				ConfigurationProperty property = source.getConfigurationProperty(name);
				Origin origin = (property != null) ? property.getOrigin() : null;
				String suggestion = keys.nearest(name);
				if (environmentVariables && suggestion != null) {
					suggestion = environmentVariable(suggestion);
				}
				unknown.put(name, new UnknownKey(written(name, origin), origin, suggestion));
			}
		}
		return new ArrayList<>(unknown.values());
	}

	// MONITORING_SERVICE_HOST, MONITORING_SERVICE_PORT(_<name>), MONITORING_PORT(_<port>_TCP...)
	private static boolean isServiceLink(ConfigurationPropertyName name) {
		String first = name.getElement(1, Form.UNIFORM);
		String second = (name.getNumberOfElements() > 2) ? name.getElement(2, Form.UNIFORM) : "";
		return first.equals("port") || (first.equals("service") && (second.equals("host") || second.equals("port")));
	}

	// The key as its source has it (a properties file, the command line, an environment
	// variable), or else as the binder read it (YAML)
	private static String written(ConfigurationPropertyName name, @Nullable Origin origin) {
		if (origin instanceof PropertySourceOrigin propertySource) {
			return propertySource.getPropertyName();
		}
		if (origin instanceof SystemEnvironmentOrigin variable) {
			return variable.getProperty();
		}
		StringBuilder written = new StringBuilder();
		for (int i = 0; i < name.getNumberOfElements(); i++) {
			String element = name.getElement(i, Form.ORIGINAL);
			if (name.chop(i + 1).isLastElementIndexed()) {
				written.append('[').append(element).append(']');
			}
			else {
				written.append((i > 0) ? "." : "").append(element);
			}
		}
		return written.toString();
	}

	// As Spring Boot reads environment variables: dots and brackets to underscores, no dashes
	private static String environmentVariable(String key) {
		return key.replace("-", "").replace(".", "_").replace("[", "_").replace("]", "").toUpperCase(Locale.ROOT);
	}

}
