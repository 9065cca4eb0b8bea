package dev.agentobs.autoconfigure;

import java.net.URI;
import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the secrets of alerting in {@code /actuator/configprops} and {@code /actuator/env},
 * even with {@code show-values: always}: webhook secrets, webhook headers, the SMTP password,
 * and the path and query of webhook URLs (a Slack or Teams webhook URL is itself a secret).
 *
 * @since 0.1.0
 */
final class AlertSecretsSanitizer implements SanitizingFunction {

	private static final String PREFIX = "monitoring.alerts.";

	@Override
	public SanitizableData apply(SanitizableData data) {
		// Environment variables (MONITORING_ALERTS_EMAIL_PASSWORD) read like properties once lowercased
		String key = data.getLowerCaseKey().replace('_', '.');
		if (!key.startsWith(PREFIX) || data.getValue() == null) {
			return data;
		}
		if (key.endsWith("secret") || key.endsWith("password") || key.contains(".headers.")) {
			return data.withSanitizedValue();
		}
		if (key.contains("webhooks") && key.endsWith(".url")) {
			return data.withValue(maskPath(String.valueOf(data.getValue())));
		}
		return data;
	}

	static String maskPath(String url) {
		try {
			URI uri = URI.create(url);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return SanitizableData.SANITIZED_VALUE;
			}
			String port = (uri.getPort() != -1) ? ":" + uri.getPort() : "";
			return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + port + "/"
					+ SanitizableData.SANITIZED_VALUE;
		}
		catch (IllegalArgumentException ex) {
			return SanitizableData.SANITIZED_VALUE;
		}
	}

}
