package dev.agentobs.autoconfigure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

import dev.agentobs.internal.support.RedactedUrl;

/**
 * Masks the secrets of the {@code monitoring.*} properties in {@code /actuator/configprops}
 * and {@code /actuator/env}, which show every value in clear with
 * {@code show-values: always}: Spring Boot masks nothing by itself then, it only applies the
 * {@link SanitizingFunction} beans.
 * <p>
 * By key: the value of a secret key under {@code monitoring.} (its last part ends in
 * {@code secret}, {@code password}, {@code passwd}, {@code pwd}, {@code token},
 * {@code credential(s)} or {@code api-key}, {@code secrets} as misspelled too, or it is a
 * webhook header) shows as {@value SanitizableData#SANITIZED_VALUE}, and a URL (a key ending in
 * {@code url} or {@code uri}) as {@link RedactedUrl} shows it: scheme, host and a hash of the
 * rest, since Slack, Discord and Teams put the secret in the path. Keys are read in every form
 * the binder accepts ({@code headers[X-Api-Key]}, {@code headers.X-Api-Key},
 * {@code MONITORING_ALERTS_EMAIL_PASSWORD}).
 * <p>
 * By value: the same secrets are masked where they appear inside any other value, such as
 * the command line in {@code sun.java.command} or {@code SPRING_APPLICATION_JSON}. The values
 * are read from the environment on each call, so that a changed one is never missed, with
 * their {@code ${...}} placeholders resolved, each placeholder's value counted as a secret of
 * its own. A value of {@value #SHORTEST_ANYWHERE} characters or more is masked wherever it
 * appears, a shorter one only as a whole token (not next to a letter or digit), and one
 * shorter than {@value #SHORTEST_SEARCHED} characters only under its own key: searching for it
 * would mask parts of ordinary words and numbers.
 *
 * @since 0.1.0
 */
final class MonitoringSecretsSanitizer implements SanitizingFunction {

	/** The shortest secret searched for inside other values. */
	static final int SHORTEST_SEARCHED = 4;

	/** The shortest secret masked wherever it appears, even inside a word. */
	static final int SHORTEST_ANYWHERE = 8;

	private static final String PREFIX = "monitoring.";

	private static final String[] SECRET_ENDINGS = { "secret", "secrets", "password", "passwd", "pwd", "token",
			"credential", "credentials", "apikey" };

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]+}");

	private final Environment environment;

	private volatile @Nullable Secrets last;

	MonitoringSecretsSanitizer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		Object value = data.getValue();
		if (value == null) {
			return data;
		}
		String key = normalize(data.getKey());
		if (isSecretKey(key)) {
			return data.withSanitizedValue();
		}
		if (isUrlKey(key)) {
			return data.withValue(RedactedUrl.of(value.toString()));
		}
		if (value instanceof CharSequence text && text.length() >= SHORTEST_SEARCHED) {
			String masked = mask(text.toString(), secrets());
			if (!masked.contentEquals(text)) {
				return data.withValue(masked);
			}
		}
		return data;
	}

	/**
	 * A value of a {@code monitoring.*} property as it may be printed, in a failure analysis
	 * for instance.
	 * @param key the property's name, in any form
	 * @param value its value
	 * @return {@value SanitizableData#SANITIZED_VALUE} for a secret, the redacted URL for a
	 * URL, else the value
	 */
	static @Nullable Object shown(String key, @Nullable Object value) {
		String normalized = normalize(key);
		if (value == null) {
			return null;
		}
		if (isSecretKey(normalized)) {
			return SanitizableData.SANITIZED_VALUE;
		}
		return isUrlKey(normalized) ? RedactedUrl.of(value.toString()) : value;
	}

	/**
	 * The key lowercase with dots only: {@code MONITORING_ALERTS_WEBHOOKS_0_HEADERS_X-API-KEY}
	 * and {@code monitoring.alerts.webhooks[0].headers[X-Api-Key]} read alike.
	 */
	private static String normalize(String key) {
		StringBuilder normalized = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c == '_' || c == '[') {
				normalized.append('.');
			}
			else if (c != ']') {
				normalized.append(Character.toLowerCase(c));
			}
		}
		return normalized.toString();
	}

	private static boolean isSecretKey(String key) {
		if (!key.startsWith(PREFIX)) {
			return false;
		}
		// Every header of a webhook: Authorization, X-Api-Key, ... carry credentials
		if (key.contains(".headers.")) {
			return true;
		}
		String last = key.substring(key.lastIndexOf('.') + 1).replace("-", "");
		for (String ending : SECRET_ENDINGS) {
			if (last.endsWith(ending)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isUrlKey(String key) {
		return key.startsWith(PREFIX) && (key.endsWith("url") || key.endsWith("uri"));
	}

	/**
	 * The secrets of the {@code monitoring.*} properties of every property source, each with
	 * what is shown instead, longest first so that a secret holding another is masked whole.
	 * Worked out again only when those properties changed: an endpoint sanitizes each of its
	 * hundreds of values in turn.
	 */
	private List<Map.Entry<String, String>> secrets() {
		if (!(this.environment instanceof ConfigurableEnvironment configurable)) {
			return List.of();
		}
		List<String> configured = new ArrayList<>();
		for (PropertySource<?> source : configurable.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (name.regionMatches(true, 0, PREFIX, 0, PREFIX.length() - 1)) {
						String key = normalize(name);
						Object value = enumerable.getProperty(name);
						if (value != null && (isSecretKey(key) || isUrlKey(key))) {
							configured.add(key);
							configured.add(value.toString());
						}
					}
				}
			}
		}
		Secrets last = this.last;
		if (last != null && last.configured().equals(configured)) {
			return last.secrets();
		}
		Map<String, String> secrets = new LinkedHashMap<>();
		for (int i = 0; i < configured.size(); i += 2) {
			add(secrets, configured.get(i + 1), isUrlKey(configured.get(i)));
		}
		List<Map.Entry<String, String>> sorted = new ArrayList<>(secrets.entrySet());
		sorted.sort(Comparator.comparingInt((Map.Entry<String, String> secret) -> secret.getKey().length()).reversed());
		this.last = new Secrets(configured, List.copyOf(sorted));
		return sorted;
	}

	private void add(Map<String, String> secrets, String value, boolean url) {
		addSecret(secrets, value, url);
		Matcher placeholders = PLACEHOLDER.matcher(value);
		if (placeholders.find()) {
			addSecret(secrets, this.environment.resolvePlaceholders(value), url);
			do {
				String resolved = this.environment.resolvePlaceholders(placeholders.group());
				if (!resolved.equals(placeholders.group())) {
					addSecret(secrets, resolved, false);
				}
			}
			while (placeholders.find());
		}
	}

	private static void addSecret(Map<String, String> secrets, String secret, boolean url) {
		if (url) {
			secrets.putIfAbsent(secret, RedactedUrl.of(secret));
			// The URL may be written differently elsewhere: what follows its host is the secret
			int scheme = secret.indexOf("://");
			int path = (scheme >= 0) ? indexOfAny(secret, "/?#", scheme + 3) : -1;
			int at = (scheme >= 0) ? secret.lastIndexOf('@', (path >= 0) ? path : secret.length() - 1) : -1;
			if (at > scheme + 3) {
				addSecret(secrets, secret.substring(scheme + 3, at), false);
			}
			if (path >= 0 && path < secret.length() - 1) {
				addSecret(secrets, secret.substring(path), false);
			}
			return;
		}
		secrets.putIfAbsent(secret, SanitizableData.SANITIZED_VALUE);
		// As JSON writes it, inside SPRING_APPLICATION_JSON
		String json = secret.replace("\\", "\\\\").replace("\"", "\\\"");
		secrets.putIfAbsent(json, SanitizableData.SANITIZED_VALUE);
	}

	private static int indexOfAny(String text, String characters, int from) {
		for (int i = from; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The text with each secret replaced by what is shown instead, following the length rules
	 * of the class description.
	 */
	static String mask(String text, List<Map.Entry<String, String>> secrets) {
		String masked = text;
		for (Map.Entry<String, String> secret : secrets) {
			String value = secret.getKey();
			if (value.length() >= SHORTEST_SEARCHED) {
				masked = replace(masked, value, secret.getValue(), value.length() < SHORTEST_ANYWHERE);
			}
		}
		return masked;
	}

	private static String replace(String text, String secret, String shown, boolean wholeTokenOnly) {
		int found = text.indexOf(secret);
		if (found < 0) {
			return text;
		}
		StringBuilder replaced = new StringBuilder(text.length());
		int copied = 0;
		while (found >= 0) {
			int end = found + secret.length();
			if (!wholeTokenOnly || (!isLetterOrDigitAt(text, found - 1) && !isLetterOrDigitAt(text, end))) {
				replaced.append(text, copied, found).append(shown);
				copied = end;
			}
			found = text.indexOf(secret, (copied == end) ? end : found + 1);
		}
		return replaced.append(text, copied, text.length()).toString();
	}

	private static boolean isLetterOrDigitAt(String text, int index) {
		return index >= 0 && index < text.length() && Character.isLetterOrDigit(text.charAt(index));
	}

	/**
	 * The secrets worked out from the configured keys and values (key, value, key, ...).
	 */
	private record Secrets(List<String> configured, List<Map.Entry<String, String>> secrets) {

	}

}
