package dev.agentobs.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;

/**
 * Explains a bad {@code monitoring.*} value that is no field error of the properties'
 * validation, in the layout Spring Boot gives those (property, value, origin, reason): a value
 * that cannot be converted at all (a price that is no number, an unknown webhook format), and
 * a value found wrong only once the beans are known (e-mail alerts without any SMTP server).
 * Ordered ahead of Spring Boot's analyzers, which would name the Java type instead of the fix.
 *
 * @since 0.1.0
 */
final class MonitoringPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<Throwable> implements Ordered {

	private static final String PREFIX = "monitoring.";

	private static final String ACTION = "Update your application's configuration";

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, Throwable cause) {
		InvalidConfigurationPropertyValueException invalid = findCause(rootFailure,
				InvalidConfigurationPropertyValueException.class);
		if (invalid != null && invalid.getName().startsWith(PREFIX)) {
			return analysis(invalid.getName(), invalid.getValue(), null, invalid.getReason(), invalid);
		}
		BindException bind = findCause(rootFailure, BindException.class);
		if (bind == null || findCause(rootFailure, BindValidationException.class) != null) {
			return null;
		}
		ConfigurationProperty property = bind.getProperty();
		String expected = expected(bind.getTarget().getType());
		if (property == null || expected == null || !property.getName().toString().startsWith(PREFIX)) {
			return null;
		}
		String key = property.getName().toString();
		String field = property.getName().getLastElement(Form.DASHED);
		return analysis(key, property.getValue(), Origin.from(property),
				field + " must be " + expected + ", was " + property.getValue(), bind);
	}

	private static FailureAnalysis analysis(String key, @Nullable Object value, @Nullable Origin origin,
			@Nullable String reason, Throwable cause) {
		// The analysis is logged: a secret shows masked, a webhook URL by its host
		Object shown = MonitoringSecretsSanitizer.shown(key, value);
		if (reason != null && value != null && shown != null && !shown.equals(value)) {
			reason = reason.replace(value.toString(), shown.toString());
		}
		StringBuilder description = new StringBuilder("Invalid value of a monitoring property:")
			.append(System.lineSeparator());
		line(description, "Property", key);
		line(description, "Value", "\"" + shown + "\"");
		if (origin != null) {
			line(description, "Origin", origin.toString());
		}
		line(description, "Reason", reason);
		return new FailureAnalysis(description.toString(), ACTION, cause);
	}

	private static void line(StringBuilder description, String label, @Nullable String text) {
		description.append(System.lineSeparator()).append("    ").append(label).append(": ").append(text);
	}

	/**
	 * What a value of the given type looks like, for the types of the monitoring properties.
	 * @param type the type the value did not convert to
	 * @return the description, or {@code null} for a type of no monitoring property
	 */
	static @Nullable String expected(ResolvableType type) {
		Class<?> resolved = type.resolve();
		if (resolved == null) {
			return null;
		}
		if (Collection.class.isAssignableFrom(resolved)) {
			String element = expected(type.asCollection().getGeneric(0));
			return (element != null) ? "a list of " + element : null;
		}
		if (Map.class.isAssignableFrom(resolved)) {
			return null;
		}
		Class<?> boxed = type.toClass();
		if (boxed == Double.class || boxed == double.class || boxed == Float.class || boxed == float.class) {
			return "a number such as 2.50";
		}
		if (boxed == Integer.class || boxed == int.class || boxed == Long.class || boxed == long.class) {
			return "a whole number such as 100";
		}
		if (boxed == Boolean.class || boxed == boolean.class) {
			return "true or false";
		}
		if (boxed == Duration.class) {
			return "a duration such as 5s, 500ms or 5000 (milliseconds)";
		}
		if (boxed == URI.class) {
			return "a URL such as https://hooks.example.com/agents";
		}
		if (boxed == ZoneId.class) {
			return "a time zone such as UTC or Europe/Paris";
		}
		if (boxed.isEnum()) {
			StringJoiner values = new StringJoiner(", ", "one of ", "");
			for (Object constant : boxed.getEnumConstants()) {
				values.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
			}
			return values.toString();
		}
		return null;
	}

}
