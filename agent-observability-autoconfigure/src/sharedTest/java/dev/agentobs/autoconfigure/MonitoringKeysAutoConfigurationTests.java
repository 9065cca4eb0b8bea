package dev.agentobs.autoconfigure;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.support.TestPropertySourceUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests that a misspelled key under {@code monitoring.} stops start-up naming the nearest
 * known key, in every form Spring Boot binds, and only warns with
 * {@code monitoring.strict-keys=false}.
 */
@ExtendWith(OutputCaptureExtension.class)
class MonitoringKeysAutoConfigurationTests {

	private static final String SECRET = "whsec_VHlwb1NlY3JldFR5cG9TZWNyZXRUeXBvU2VjcmV0";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MonitoringKeysAutoConfiguration.class));

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			monitoring.alerts.treshold.error-rate=0.2                     | monitoring.alerts.thresholds.error-rate
			monitoring.helth.min-requests=5                               | monitoring.health.min-requests
			monitoring.alerts.webhook[0].url=https://hooks.example.org/a  | monitoring.alerts.webhooks[0].url
			monitoring.alerts.webhooks[0].secrets=whsec_VHlwb1NlY3JldFR5cG9TZWNyZXRUeXBvU2VjcmV0 | monitoring.alerts.webhooks[0].secret
			monitoring.enable=false                                       | monitoring.enabled
			monitoring.windows=10m                                        | monitoring.window
			monitoring.metrics.max-tag-value=50                           | monitoring.metrics.max-tag-values
			monitoring.tracing.capture-contents=true                      | monitoring.tracing.capture-content
			monitoring.cost.models.gpt-4o.inputs=2.5                      | monitoring.cost.models.gpt-4o.input
			monitoring.alerts.email.recipient=oncall@example.org          | monitoring.alerts.email.recipients
			monitoring.alerts.webhooks[1].thresholds.error-rate=0.05      | monitoring.alerts.webhooks[1].threshold.error-rate
			monitoring.alerts.thresholds.daily-costs=5                    | monitoring.alerts.thresholds.daily-cost
			monitoring.alerts.webhooks[0].header[X-Api-Key]=key           | monitoring.alerts.webhooks[0].headers[X-Api-Key]
			monitoring.budgets.agents.research-agent.max-token=5000       | monitoring.budgets.agents.research-agent.max-tokens
			""")
	void misspelledKeyFailsStartUpNamingTheNearestKnownKey(String property, String nearest) {
		String key = property.substring(0, property.indexOf('='));
		this.contextRunner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Unknown monitoring properties", "Property: " + key,
						"Origin: \"" + key + "\" from property source \"test\"",
						"Reason: no such key; did you mean " + nearest + "?", "monitoring.strict-keys=false")
				.doesNotContain(SECRET);
		});
	}

	@Test
	void everyUnknownKeyIsNamedInOneAnalysis() {
		this.contextRunner.withPropertyValues("monitoring.helth.min-requests=5", "monitoring.windows=10m")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.helth.min-requests", "Property: monitoring.windows"));
	}

	@Test
	void keyFarFromEveryKnownOneIsNamedWithoutAGuess() {
		this.contextRunner.withPropertyValues("monitoring.prometheus.pushgateway=http://127.0.0.1:9091")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.prometheus.pushgateway",
						"Reason: no such key, and no known key is near it"));
	}

	@Test
	void keyMissingItsGroupIsNamedWithTheKnownKeyOfTheSameName() {
		this.contextRunner.withPropertyValues("monitoring.alerts.error-rate=0.2")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("did you mean monitoring.alerts.thresholds.error-rate?"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "monitoring.enabled=true", "monitoring.strict-keys=true", "monitoring.window=1m",
			"monitoring.alerts.evaluationInterval=30s", "monitoring.alerts.evaluation_interval=30s",
			"monitoring.alerts.EVALUATION-INTERVAL=30s", "monitoring.alerts.email.smtp_host=smtp.example.org",
			"monitoring.cost.models[gemini-2.5-pro].input=1.25", "monitoring.cost.models.gpt-4o.cached-input=1.25",
			"monitoring.alerts.webhooks[0].headers[X-Api-Key]=key",
			"monitoring.alerts.webhooks[0].headers.Authorization=Bearer token",
			"monitoring.alerts.webhooks[0].headers.x.custom.header=value",
			"monitoring.alerts.webhooks[2].threshold.daily-tokens=5", "monitoring.alerts.webhooks[0].events[1]=budget",
			"monitoring.alerts.webhooks[0].events=error,budget", "monitoring.alerts.email.recipients[0]=a@example.org",
			"monitoring.alerts.email.recipients=a@example.org,b@example.org", "monitoring.bridges.springAi.agentName=x",
			"monitoring.bridges.spring-ai.agent-name=x", "monitoring.bridges.langchain4j.enabled=false",
			"monitoring.health.degraded.response_time=5000", "monitoring.alerts.webhooks=",
			"monitoring.alerts.thresholds=", "monitoring.budgets.mode=report",
			"monitoring.budgets.agents.research-agent.max-tokens=5000",
			"monitoring.budgets.agents[billing.agent].daily-cost=20", "monitoring.budgets.agents.x.max-duration=2m" })
	void keyOfAPropertyInAnyFormSpringBootBindsIsKnown(String property) {
		this.contextRunner.withPropertyValues(property).run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void snakeCaseYamlOfOtherFrameworksIsKnown() {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(yaml("robutler-style-monitoring.yml")))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void misspelledKeyInYamlIsNamedWithItsLine() {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(yaml("misspelled-monitoring.yml")))
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure())).contains(
					"Property: monitoring.alerts.webhooks[0].secrets",
					"Origin: class path resource [misspelled-monitoring.yml] - 6:18",
					"did you mean monitoring.alerts.webhooks[0].secret?")
				.doesNotContain(SECRET));
	}

	@ParameterizedTest
	@ValueSource(strings = { "MONITORING_ALERTS_ENABLED", "MONITORING_HEALTH_MINREQUESTS",
			"MONITORING_HEALTH_MIN_REQUESTS", "MONITORING_ALERTS_WEBHOOKS_0_URL", "MONITORING_COST_MODELS_GPT4O_INPUT",
			"MONITORING_ALERTS_WEBHOOKS_0_HEADERS_AUTHORIZATION", "monitoring_alerts_email_smtp_host",
			"MONITORING_SERVICE_HOST", "MONITORING_SERVICE_PORT_HTTP", "MONITORING_PORT",
			"MONITORING_PORT_9090_TCP_ADDR" })
	void environmentVariableOfAPropertyOrOfAKubernetesServiceLinkIsLeftAlone(String variable) {
		this.contextRunner.withInitializer((context) -> environmentVariables(context.getEnvironment(), variable))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest
	@CsvSource({ "MONITORING_HELTH_MINREQUESTS, MONITORING_HEALTH_MINREQUESTS",
			"MONITORING_ALERTS_WEBHOOKS_0_SECRETS, MONITORING_ALERTS_WEBHOOKS_0_SECRET",
			"MONITORING_ALERTS_TRESHOLDS_ERROR_RATE, MONITORING_ALERTS_THRESHOLDS_ERRORRATE" })
	void misspelledEnvironmentVariableIsNamedAsAVariable(String variable, String nearest) {
		this.contextRunner.withInitializer((context) -> environmentVariables(context.getEnvironment(), variable))
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: " + variable, "did you mean " + nearest + "?"));
	}

	@Test
	void notStrictLogsOneWarningPerUnknownKeyAndStarts(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("monitoring.strict-keys=false", "monitoring.helth.min-requests=5",
					"monitoring.alerts.webhooks[0].secrets=" + SECRET)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				List<String> warnings = output.getOut()
					.lines()
					.filter((line) -> line.contains("WARN") && line.contains(MonitoringKeysCheck.class.getSimpleName()))
					.toList();
				assertThat(warnings).hasSize(2);
				assertThat(warnings.get(0)).endsWith("monitoring.helth.min-requests (\"monitoring.helth.min-requests\" "
						+ "from property source \"test\") is ignored: no such key; did you mean "
						+ "monitoring.health.min-requests? (monitoring.strict-keys=false)");
				assertThat(warnings.get(1)).contains("monitoring.alerts.webhooks[0].secrets",
						"did you mean monitoring.alerts.webhooks[0].secret?");
				assertThat(output).doesNotContain(SECRET);
			});
	}

	@Test
	void strictKeysThatIsNoBooleanIsReportedAsABadValue() {
		this.contextRunner.withPropertyValues("monitoring.strict-keys=maybe", "monitoring.windows=1m")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure())).contains(
					"Property: monitoring.strict-keys", "Reason: strict-keys must be true or false, was maybe"));
	}

	@Test
	void switchedOffStarterChecksNothing() {
		this.contextRunner.withPropertyValues("monitoring.enabled=false", "monitoring.custom.key=1")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MonitoringKeysCheck.class));
	}

	@Test
	void withoutMetadataOnTheClassPathNothingIsChecked(CapturedOutput output) {
		StandardEnvironment environment = new StandardEnvironment();
		TestPropertySourceUtils.addInlinedPropertiesToEnvironment(environment, "monitoring.helth.min-requests=5");
		MonitoringKeysCheck check = new MonitoringKeysCheck();
		check.setEnvironment(environment);
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.setBeanClassLoader(new ClassLoader(null) {
		});
		assertThatNoException().isThrownBy(() -> check.postProcessBeanFactory(beanFactory));
		assertThat(output).contains("No configuration metadata of monitoring.* on the class path");
	}

	private static void environmentVariables(ConfigurableEnvironment environment, String variable) {
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "1")));
	}

	private static PropertySource<?> yaml(String name) {
		try {
			return new YamlPropertySourceLoader().load(name, new ClassPathResource(name)).get(0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
