package dev.agentobs.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MonitoringSecretsSanitizer}: secrets masked under their key in every form
 * the binder reads, and inside any other value.
 */
class MonitoringSecretsSanitizerTests {

	private static final String MASKED = SanitizableData.SANITIZED_VALUE;

	private final StandardEnvironment environment = new StandardEnvironment();

	private final MonitoringSecretsSanitizer sanitizer = new MonitoringSecretsSanitizer(this.environment);

	@Test
	void secretKeysAreMaskedInEveryFormTheBinderReads() {
		for (String key : new String[] { "monitoring.alerts.webhooks[0].secret",
				"monitoring.alerts.webhooks[0].headers[X-Api-Key]", "monitoring.alerts.webhooks[0].headers.Authorization",
				"monitoring.alerts.email.password", "MONITORING_ALERTS_EMAIL_PASSWORD",
				"MONITORING_ALERTS_WEBHOOKS_0_HEADERS_AUTHORIZATION", "monitoring.alerts.webhooks[1].secrets",
				"monitoring.alerts.email.Password" }) {
			assertThat(sanitized(key, "value-of-the-key")).as(key).isEqualTo(MASKED);
		}
		assertThat(sanitized("monitoring.alerts.thresholds.daily-tokens", "2000000")).isEqualTo("2000000");
		assertThat(sanitized("monitoring.alerts.email.username", "alerts@example.org")).isEqualTo("alerts@example.org");
		assertThat(sanitized("spring.mail.password", "not-ours")).isEqualTo("not-ours");
	}

	@Test
	void webhookUrlsShowTheirHostAndAHashOfTheRest() {
		assertThat(sanitized("monitoring.alerts.webhooks[0].url", "https://hooks.slack.com/services/T0/B0/XyZs3cr3t"))
			.matches("https://hooks\\.slack\\.com/<sha256:[0-9a-f]{8}>");
		assertThat(sanitized("MONITORING_ALERTS_WEBHOOKS_0_URL", "https://hooks.example.org"))
			.isEqualTo("https://hooks.example.org");
	}

	@Test
	void secretsAreMaskedInsideTheCommandLineAndApplicationJson() {
		add("commandLineArgs", Map.of("monitoring.alerts.webhooks[0].headers[X-Api-Key]", "k3y-from-the-command-line",
				"monitoring.alerts.webhooks[0].url", "https://hooks.slack.com/services/T0/B0/XyZs3cr3t"));
		add("spring.application.json", Map.of("monitoring.alerts.email.password", "pa\"ss-from-json"));
		String commandLine = "app.jar --monitoring.alerts.webhooks[0].headers[X-Api-Key]=k3y-from-the-command-line "
				+ "--monitoring.alerts.webhooks[0].url=https://hooks.slack.com/services/T0/B0/XyZs3cr3t --server.port=0";
		assertThat(sanitized("sun.java.command", commandLine))
			.matches("app\\.jar --monitoring\\.alerts\\.webhooks\\[0]\\.headers\\[X-Api-Key]=\\*{6} "
					+ "--monitoring\\.alerts\\.webhooks\\[0]\\.url=https://hooks\\.slack\\.com/<sha256:[0-9a-f]{8}> "
					+ "--server\\.port=0");
		assertThat(sanitized("SPRING_APPLICATION_JSON",
				"{\"monitoring\":{\"alerts\":{\"email\":{\"password\":\"pa\\\"ss-from-json\"}}}}"))
			.isEqualTo("{\"monitoring\":{\"alerts\":{\"email\":{\"password\":\"******\"}}}}");
		// The path of the URL alone, written elsewhere
		assertThat(sanitized("my.note", "see /services/T0/B0/XyZs3cr3t")).isEqualTo("see ******");
	}

	@Test
	void secretsGivenAsPlaceholdersAreMaskedWhereTheirValuesAre() {
		add("application.yml", Map.of("monitoring.alerts.webhooks[0].secret", "${WEBHOOK_SECRET}",
				"monitoring.alerts.webhooks[0].headers.Authorization", "Bearer ${HOOK_TOKEN}"));
		this.environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource("systemEnvironment2",
					Map.of("WEBHOOK_SECRET", "whsec_c2VjcmV0LWZyb20tZW52", "HOOK_TOKEN", "t0ken-from-env")));
		assertThat(sanitized("WEBHOOK_SECRET", "whsec_c2VjcmV0LWZyb20tZW52")).isEqualTo(MASKED);
		assertThat(sanitized("HOOK_TOKEN", "t0ken-from-env")).isEqualTo(MASKED);
	}

	@Test
	void aSecretChangedAfterAnEarlierCallIsMaskedToo() {
		Map<String, Object> properties = new LinkedHashMap<>(Map.of("monitoring.alerts.email.password", "first-pa55word"));
		this.environment.getPropertySources().addFirst(new MapPropertySource("refreshable", properties));
		assertThat(sanitized("sun.java.command", "--p=first-pa55word")).isEqualTo("--p=******");
		properties.put("monitoring.alerts.email.password", "second-pa55word");
		assertThat(sanitized("sun.java.command", "--p=second-pa55word")).isEqualTo("--p=******");
	}

	@Test
	void shortSecretsAreMaskedAsWholeTokensOnlyAndTheShortestNotSearched() {
		add("commandLineArgs", Map.of("monitoring.alerts.email.password", "hunt3r", "monitoring.alerts.webhooks[0].secret",
				"abc"));
		// Searched for anywhere, a short secret would mask parts of words and numbers
		assertThat(sanitized("sun.java.command", "app.jar --monitoring.alerts.email.password=hunt3r --x=hunt3rs"))
			.isEqualTo("app.jar --monitoring.alerts.email.password=****** --x=hunt3rs");
		assertThat(sanitized("sun.java.command", "app.jar --monitoring.alerts.webhooks[0].secret=abc --y=abcdef"))
			.isEqualTo("app.jar --monitoring.alerts.webhooks[0].secret=abc --y=abcdef");
	}

	@Test
	void failureAnalysesShowSecretsMaskedAndUrlsByTheirHost() {
		assertThat(MonitoringSecretsSanitizer.shown("monitoring.alerts.webhooks[0].secret", "whsec_x")).isEqualTo(MASKED);
		assertThat(MonitoringSecretsSanitizer.shown("monitoring.alerts.webhooks[0].url", "https://h.example.org/s3cr3t"))
			.asString()
			.matches("https://h\\.example\\.org/<sha256:[0-9a-f]{8}>");
		assertThat(MonitoringSecretsSanitizer.shown("monitoring.window", "soon")).isEqualTo("soon");
	}

	private String sanitized(String key, String value) {
		PropertySource<?> source = this.environment.getPropertySources().iterator().next();
		return String.valueOf(this.sanitizer.apply(new SanitizableData(source, key, value)).getValue());
	}

	private void add(String name, Map<String, Object> properties) {
		this.environment.getPropertySources().addFirst(new MapPropertySource(name, new LinkedHashMap<>(properties)));
	}

}
