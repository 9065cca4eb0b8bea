package dev.agentobs.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.impl.NoOpLog;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import dev.agentobs.alert.AlertCategory;
import dev.agentobs.internal.alert.EmailNotifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Boot properties that Robutler's monitoring keys stand for, of the lowest
 * precedence, and those keys bound and checked as the starter's own.
 */
class MonitoringBootPropertiesTests {

	private static final String EXPORT_ENABLED = "management.tracing.export.enabled";

	private static final String OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

	private final List<String> logged = new ArrayList<>();

	private final Log log = new NoOpLog() {

		@Override
		public void info(Object message) {
			MonitoringBootPropertiesTests.this.logged.add(message.toString());
		}

	};

	@Test
	void pageKeysBecomeSpringBootPropertiesAndTheJaegerUrlItsOtlpReceiver() {
		ConfigurableEnvironment environment = page();
		mapped(environment);
		assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
		assertThat(environment.getProperty("logging.level.root")).isEqualTo("INFO");
		assertThat(environment.getProperty("management.statsd.metrics.export.step")).isEqualTo("PT10S");
		assertThat(environment.getProperty("management.otlp.metrics.export.step")).isEqualTo("PT10S");
		assertThat(environment.getProperty(EXPORT_ENABLED)).isEqualTo("false");
		assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.0");
		assertThat(environment.getProperty(OTLP_ENDPOINT)).isEqualTo("http://localhost:4318/v1/traces");
		assertThat(environment.getProperty("management.opentelemetry.resource-attributes.service.name"))
			.isEqualTo("robutler");
		assertThat(environment.getProperty("management.metrics.tags.application")).isEqualTo("robutler");
		assertThat(environment.getProperty("spring.application.name")).isEqualTo("robutler");
		assertThat(environment.getProperty("management.endpoint.health.group.detailed.include")).isEqualTo("agents");
		assertThat(environment.getProperty("management.defaults.metrics.export.enabled")).isNull();
		assertThat(environment.getProperty("monitoring.alerts.email.password")).isEqualTo("your-app-password");
		assertThat(environment.getProperty("monitoring.alerts.email.recipients[0]")).isEqualTo("admin@yourcompany.com");
		// The reference's own monitoring.alerts.email.smtp_host is the application's, above the alias
		assertThat(environment.getProperty("monitoring.alerts.email.smtp-host")).isEqualTo("smtp.gmail.com");
		assertThat(this.logged).containsExactly(
				"Spans are not exported: " + EXPORT_ENABLED
						+ " is false (monitoring.tracing.enabled), so Jaeger at http://localhost:4318/v1/traces gets none",
				"Accepted with no effect in a Spring Boot application: monitoring.logging.output=stdout"
						+ " (the console log is standard output; a file is logging.file.name)");
	}

	@Test
	void applicationsOwnSpringBootPropertyWins() {
		ConfigurableEnvironment environment = page();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application", Map.of("logging.structured.format.console", "logstash",
					OTLP_ENDPOINT, "http://collector:4318/v1/traces", EXPORT_ENABLED, "true", "monitoring.tracing.enabled",
					"true")));
		mapped(environment);
		assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
		assertThat(environment.getProperty(OTLP_ENDPOINT)).isEqualTo("http://collector:4318/v1/traces");
		assertThat(this.logged).first()
			.isEqualTo("Spans are exported over OTLP to http://collector:4318/v1/traces (" + OTLP_ENDPOINT
					+ ", from monitoring.tracing.jaeger-endpoint http://localhost:14268/api/traces;"
					+ " Jaeger's /api/traces takes Thrift, its OTLP receiver takes /v1/traces)");
	}

	@Test
	void metricsAndHealthChecksOffTurnOffExportAndTheIndicator() {
		ConfigurableEnvironment environment = environment(Map.of("monitoring.metrics.enabled", "false",
				"monitoring.health_checks.enabled", "false", "monitoring.logging.format", "text"));
		mapped(environment);
		assertThat(environment.getProperty("management.defaults.metrics.export.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("management.health.agents.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("logging.structured.format.console")).isNull();
		assertThat(this.logged).isEmpty();
	}

	@Test
	void keyWithNoEffectIsNamedEvenWhenNothingIsMapped() {
		mapped(environment(Map.of("monitoring.logging.output", "file")));
		assertThat(this.logged).containsExactly("Accepted with no effect in a Spring Boot application: "
				+ "monitoring.logging.output=file (the console log is standard output; a file is logging.file.name)");
	}

	@Test
	void monitoringOffMapsNothing() {
		ConfigurableEnvironment environment = page();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application", Map.of("monitoring.enabled", "false")));
		mapped(environment);
		assertThat(environment.getPropertySources().contains(MonitoringBootProperties.SOURCE)).isFalse();
	}

	@Test
	void aliasKeepsTheOriginOfTheKeyAsWritten() {
		ConfigurableEnvironment environment = page();
		mapped(environment);
		Object password = environment.getPropertySources()
			.get(MonitoringBootProperties.SOURCE)
			.getProperty("monitoring.alerts.email.password");
		assertThat(password).isInstanceOfSatisfying(OriginTrackedValue.class, (value) -> assertThat(value.getOrigin())
			.hasToString("class path resource [robutler-page-monitoring.yml] - 44:15"));
	}

	@Test
	void jaegerUrlIsMappedToItsOtlpReceiver() {
		assertThat(MonitoringBootProperties.otlpEndpoint(URI.create("http://jaeger:14268/api/traces")))
			.hasToString("http://jaeger:4318/v1/traces");
		assertThat(MonitoringBootProperties.otlpEndpoint(URI.create("https://jaeger.example.org/api/traces")))
			.hasToString("https://jaeger.example.org:4318/v1/traces");
		assertThat(MonitoringBootProperties.otlpEndpoint(URI.create("http://127.0.0.1:9411/api/traces")))
			.hasToString("http://127.0.0.1:9411/v1/traces");
	}

	@Test
	void pageBindsToTheAlertsWithPerformanceAsAnAliasAndTheTopLevelEmail() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
					BootAutoConfigurations.metrics(), AgentObservationAutoConfiguration.class,
					AgentStatisticsAutoConfiguration.class, AgentAlertingAutoConfiguration.class,
					MonitoringKeysAutoConfiguration.class))
			.withInitializer((context) -> {
				context.getEnvironment().getPropertySources().addFirst(yaml());
				mapped(context.getEnvironment());
			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				AgentAlertsProperties alerts = context.getBean(AgentAlertsProperties.class);
				assertThat(alerts.getWebhooks()).extracting(WebhookProperties::getEvents)
					.containsExactly(Set.of(AlertCategory.ERROR, AlertCategory.PERFORMANCE_DEGRADATION),
							Set.of(AlertCategory.ERROR, AlertCategory.PERFORMANCE_DEGRADATION));
				assertThat(alerts.getEmail().getUsername()).isEqualTo("alerts@yourcompany.com");
				assertThat(alerts.getEmail().getRecipients()).containsExactly("admin@yourcompany.com");
				assertThat(context.getBean(EmailNotifier.class).receiver()).isEqualTo("smtp.gmail.com:587");
				assertThat(context.getBean(AgentLoggingProperties.class).getFormat())
					.isEqualTo(AgentLoggingProperties.Format.JSON);
			});
	}

	@Test
	void badTopLevelEmailAddressFailsAsUnderAlertsNamingItsLine() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AgentAlertingAutoConfiguration.class))
			.withInitializer((context) -> {
				context.getEnvironment().getPropertySources().addFirst(yaml());
				context.getEnvironment()
					.getPropertySources()
					.addFirst(new MapPropertySource("typo", Map.of("monitoring.email.recipients[0]", "admin@@x")));
				mapped(context.getEnvironment());
			})
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("recipients[0] must be one e-mail address")
				.doesNotContain("your-app-password"));
	}

	@Test
	void everyKeyOfThePageIsKnownAndATypoStillStopsStartUp() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MonitoringKeysAutoConfiguration.class))
			.withInitializer((context) -> context.getEnvironment().getPropertySources().addFirst(yaml()));
		runner.run((context) -> assertThat(context).hasNotFailed());
		runner.withPropertyValues("monitoring.health_checks.detailed_endpont=/x")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("did you mean monitoring.health-checks.detailed-endpoint?"));
		runner.withPropertyValues("monitoring.email.smtp_hots=x")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("did you mean monitoring.email.smtp-host?"));
	}

	private void mapped(ConfigurableEnvironment environment) {
		new MonitoringBootProperties(EXPORT_ENABLED, OTLP_ENDPOINT).addTo(environment, this.log);
	}

	private static ConfigurableEnvironment page() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(yaml());
		// Relaxed names, as in an application
		ConfigurationPropertySources.attach(environment);
		return environment;
	}

	private static ConfigurableEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
		return environment;
	}

	private static PropertySource<?> yaml() {
		try {
			return new YamlPropertySourceLoader()
				.load("robutler-page-monitoring.yml", new ClassPathResource("robutler-page-monitoring.yml"))
				.get(0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
