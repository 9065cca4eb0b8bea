package dev.agentobs.autoconfigure;

import org.springframework.core.convert.converter.Converter;

import dev.agentobs.alert.AlertCategory;

/**
 * Reads the categories of {@code monitoring.alerts.webhooks[*].events} by their event names,
 * {@code performance} among them as other frameworks' configuration writes it.
 *
 * @since 0.1.0
 */
final class AlertCategoryConverter implements Converter<String, AlertCategory> {

	@Override
	public AlertCategory convert(String source) {
		return AlertCategory.ofEventName(source);
	}

}
