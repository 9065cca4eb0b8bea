package dev.agentobs.autoconfigure;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a bad value of any {@code monitoring.*} key fails start-up with a failure
 * analysis naming the key, the value and what would be right, and never with a stack trace of
 * the bean that happened to need it first.
 */
class MonitoringPropertiesValidationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(), BootAutoConfigurations.metrics(),
				AgentObservationAutoConfiguration.class, AgentMetricsAutoConfiguration.class,
				AgentTracingAutoConfiguration.class, AgentCostAutoConfiguration.class,
				AgentStatisticsAutoConfiguration.class, AgentHealthAutoConfiguration.class,
				AgentAlertingAutoConfiguration.class, SpringAiBridgeAutoConfiguration.class));

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			monitoring.cost.models.gpt-4o.input=abc | monitoring.cost.models.gpt-4o.input | abc | input must be a number such as 2.50, was abc
			monitoring.cost.models.gpt-4o.input=-1 | monitoring.cost.models.gpt-4o.input | -1.0 | input must be 0 or more USD per million tokens, such as 2.50, was -1.0
			monitoring.cost.models[gemini-2.5-pro].cached-input=-0.5 | monitoring.cost.models[gemini-2.5-pro].cached-input | -0.5 | cached-input must be 0 or more USD per million tokens
			monitoring.cost.zone=Mars/Olympus | monitoring.cost.zone | Mars/Olympus | zone must be a time zone such as UTC or Europe/Paris, was Mars/Olympus
			monitoring.alerts.webhooks[0].format=xml | monitoring.alerts.webhooks[0].format | xml | format must be one of alertmanager, json, slack, was xml
			monitoring.alerts.webhooks[0].max-attempts=0 | monitoring.alerts.webhooks[0].max-attempts | 0 | max-attempts must be 1 or more (4 retries a few times), was 0
			monitoring.alerts.webhooks[0].timeout=0s | monitoring.alerts.webhooks[0].timeout | PT0S | timeout must be a positive duration such as 5s, was PT0S
			monitoring.alerts.webhooks[0].backoff=-1s | monitoring.alerts.webhooks[0].backoff | PT-1S | backoff must be a positive duration such as 1s, was PT-1S
			monitoring.alerts.webhooks[0].threshold.error-rate=5 | monitoring.alerts.webhooks[0].threshold.error-rate | 5.0 | error-rate must be a fraction between 0 and 1, for 5% write 0.05, was 5.0
			monitoring.alerts.thresholds.error-rate=1.5 | monitoring.alerts.thresholds.error-rate | 1.5 | error-rate must be a fraction between 0 and 1, for 1.5% write 0.015, was 1.5
			monitoring.alerts.thresholds.error-rate=NaN | monitoring.alerts.thresholds.error-rate | NaN | error-rate must be a fraction between 0 and 1, such as 0.10 for 10%, was NaN
			monitoring.alerts.thresholds.error-rate=250 | monitoring.alerts.thresholds.error-rate | 250.0 | error-rate must be a fraction between 0 and 1, such as 0.10 for 10%, was 250.0
			monitoring.alerts.webhooks[0].threshold.daily-tokens=-1 | monitoring.alerts.webhooks[0].threshold.daily-tokens | -1 | daily-tokens must be 0 or more tokens, such as 2000000, was -1
			monitoring.alerts.thresholds.daily-cost=-10 | monitoring.alerts.thresholds.daily-cost | -10.0 | daily-cost must be 0 or more USD, such as 10.00, was -10.0
			monitoring.alerts.thresholds.response-time=0 | monitoring.alerts.thresholds.response-time | PT0S | response-time must be a positive duration such as 5s or 5000 (milliseconds), was PT0S
			monitoring.alerts.evaluation-interval=0s | monitoring.alerts.evaluation-interval | PT0S | evaluation-interval must be a positive duration such as 15s, was PT0S
			monitoring.alerts.queue-capacity=0 | monitoring.alerts.queue-capacity | 0 | queue-capacity must be 1 or more (100 is a good start), was 0
			monitoring.alerts.email.smtp-port=70000 | monitoring.alerts.email.smtp-port | 70000 | smtp-port must be a port from 1 to 65535, such as 587 (STARTTLS) or 465, was 70000
			monitoring.health.min-requests=-1 | monitoring.health.min-requests | -1 | min-requests must be 0 or more
			monitoring.health.degraded.response-time=0 | monitoring.health.degraded.response-time | PT0S | response-time must be a positive duration such as 5s or 5000 (milliseconds), was PT0S
			monitoring.tracing.max-content-length=0 | monitoring.tracing.max-content-length | 0 | max-content-length must be 1 or more characters (4000 keeps spans small), was 0
			monitoring.window=soon | monitoring.window | soon | window must be a duration such as 5s, 500ms or 5000 (milliseconds), was soon
			monitoring.window=400d | monitoring.window | PT9600H | window must be from 1s to 1d (5m suits most services), was PT9600H
			monitoring.budgets.agents.research-agent.max-tokens=0 | monitoring.budgets.agents.research-agent.max-tokens | 0 | max-tokens must be 1 or more, was 0
			monitoring.budgets.agents.research-agent.max-cost=-1 | monitoring.budgets.agents.research-agent.max-cost | -1.0 | max-cost must be a number of USD above 0, such as 0.50, was -1.0
			monitoring.budgets.agents.research-agent.max-tool-calls=-3 | monitoring.budgets.agents.research-agent.max-tool-calls | -3 | max-tool-calls must be 1 or more, was -3
			monitoring.budgets.agents.research-agent.max-duration=0s | monitoring.budgets.agents.research-agent.max-duration | PT0S | max-duration must be a duration above 0, such as 2m, was PT0S
			monitoring.budgets.agents.research-agent.daily-cost=0 | monitoring.budgets.agents.research-agent.daily-cost | 0.0 | daily-cost must be a number of USD above 0, such as 0.50, was 0.0
			monitoring.budgets.mode=stop | monitoring.budgets.mode | stop | mode must be one of enforce, report, was stop
			monitoring.metrics.max-tag-values=many | monitoring.metrics.max-tag-values | many | max-tag-values must be a whole number such as 100, was many
			monitoring.metrics.max-series-per-family=5 | monitoring.metrics.max-series-per-family | 5 | max-series-per-family must be 10 or more; it caps the series per meter family, 2 of them kept for the folded series (500 is a good start), was 5
			""")
	void badValueFailsStartUpNamingKeyValueAndFix(String property, String key, String value, String reason) {
		this.contextRunner.withPropertyValues(property, "monitoring.alerts.webhooks[0].url=https://hooks.example.org/a")
			.withPropertyValues(property)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(FailureAnalyses.of(context.getStartupFailure())).contains("Property: " + key,
						"Value: \"" + value + "\"", "Reason: " + reason)
					.doesNotContain("observationRegistry");
			});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			abc                          | 2 bytes
			whsec_YQ==                   | 1 byte
			whsec_c2hvcnQtc2VjcmV0       | 12 bytes
			whsec_not base64             | no base64 (16 characters)
			""")
	void weakWebhookSecretFailsStartUpWithItsLengthButNotItsValue(String secret, String was) {
		this.contextRunner
			.withPropertyValues("monitoring.alerts.webhooks[0].url=https://hooks.example.org/a",
					"monitoring.alerts.webhooks[0].secret=" + secret)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(FailureAnalyses.of(context.getStartupFailure()))
					.contains("Property: monitoring.alerts.webhooks[0].secret", "Value: \"******\"",
							"Reason: secret must be 'whsec_' followed by the base64 of 24 or more random bytes "
									+ "(make one with: echo whsec_$(openssl rand -base64 32)), was " + was)
					.doesNotContain(secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret);
			});
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			recipients=oncall@example.org,not an address | from=alerts@example.org | recipients[1] | not an address | recipients[1] must be one e-mail address such as oncall@example.org, was not an address (Local address contains control or whitespace)
			recipients=oncall@example.org;ops@example.org | from=alerts@example.org | recipients[0] | oncall@example.org;ops@example.org | recipients[0] must be one e-mail address such as oncall@example.org, was oncall@example.org;ops@example.org
			recipients=oncall@example.org | from=alerts | from | alerts | from must be the sender's e-mail address, such as alerts@example.org, was alerts (Missing final '@domain')
			recipients=oncall@example.org | username=apikey | from | null | from must be set to the sender's e-mail address, such as alerts@example.org, as the username (apikey) is no address, was null
			""")
	void emailAddressThatJakartaMailRefusesFailsStartUp(String recipients, String sender, String key, String value,
			String reason) {
		this.contextRunner
			.withPropertyValues("monitoring.alerts.email.smtp-host=127.0.0.1", "monitoring.alerts.email." + recipients,
					"monitoring.alerts.email." + sender)
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure())).contains(
					"Property: monitoring.alerts.email." + key, "Value: \"" + value + "\"", "Reason: " + reason));
	}

	@Test
	void emailAddressesWithNamesAreTaken() {
		this.contextRunner
			.withPropertyValues("monitoring.alerts.email.smtp-host=127.0.0.1",
					"monitoring.alerts.email.recipients=On call <oncall@example.org>,ops@example.org",
					"monitoring.alerts.email.from=Agents <agents@example.org>")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void impossibleDegradedErrorRateIsNotGivenAsTheDownRateToReach() {
		this.contextRunner.withPropertyValues("monitoring.health.degraded.error-rate=1.5")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.health.degraded.error-rate")
				.doesNotContain("monitoring.health.down.error-rate", "(1.5)"));
	}

	// Where a message suggests a value, that value passes: the fix is right for the input
	@ParameterizedTest(name = "{0}={1} suggests {2}")
	@CsvSource(delimiter = '|', textBlock = """
			monitoring.alerts.thresholds.error-rate            | 1.5            | 0.015
			monitoring.alerts.thresholds.error-rate            | 5              | 0.05
			monitoring.alerts.thresholds.error-rate            | 12.5           | 0.125
			monitoring.alerts.thresholds.error-rate            | 100            | 1
			monitoring.alerts.thresholds.error-rate            | 1.0000001      | 0.010000001
			monitoring.alerts.thresholds.error-rate            | 100.5          | 0.10
			monitoring.alerts.thresholds.error-rate            | NaN            | 0.10
			monitoring.alerts.thresholds.error-rate            | Infinity       | 0.10
			monitoring.alerts.thresholds.error-rate            | -0.1           | 0.10
			monitoring.alerts.webhooks[0].threshold.error-rate | 33.3           | 0.333
			monitoring.alerts.thresholds.response-time         | 0              | 5s
			monitoring.alerts.thresholds.response-time         | -5s            | 5000
			monitoring.alerts.thresholds.daily-cost            | -10            | 10.00
			monitoring.alerts.thresholds.daily-cost            | NaN            | 10.00
			monitoring.alerts.thresholds.daily-tokens          | -1             | 2000000
			monitoring.alerts.evaluation-interval              | 0s             | 15s
			monitoring.alerts.repeat-interval                  | -1h            | 4h
			monitoring.alerts.queue-capacity                   | 0              | 100
			monitoring.alerts.webhooks[0].url                  | ftp://x/hook   | https://hooks.example.com/agents
			monitoring.alerts.webhooks[0].format               | xml            | alertmanager
			monitoring.alerts.webhooks[0].max-attempts         | 0              | 4
			monitoring.alerts.webhooks[0].timeout              | 0s             | 5s
			monitoring.alerts.webhooks[0].backoff              | -1s            | 1s
			monitoring.alerts.email.smtp-port                  | 70000          | 587
			monitoring.alerts.email.recipients                 | oncall         | oncall@example.org
			monitoring.alerts.email.from                       | alerts         | alerts@example.org
			monitoring.health.min-requests                     | -1             | 10
			monitoring.health.degraded.error-rate              | 0              | 0.10
			monitoring.health.degraded.error-rate              | 1.5            | 0.10
			monitoring.health.down.error-rate                  | 0.05           | 0.1
			monitoring.health.down.error-rate                  | NaN            | 0.10
			monitoring.health.degraded.response-time           | 0              | 5000
			monitoring.window                                  | 0s             | 5m
			monitoring.window                                  | 400d           | 1d
			monitoring.window                                  | soon           | 5s
			monitoring.metrics.max-tag-values                  | 0              | 100
			monitoring.metrics.max-tag-values                  | many           | 100
			monitoring.metrics.max-series-per-family           | 5              | 500
			monitoring.tracing.max-content-length              | 0              | 4000
			monitoring.cost.models.gpt-4o.input                | -1             | 2.50
			monitoring.cost.models.gpt-4o.output               | NaN            | 2.50
			monitoring.cost.models.gpt-4o.cached-input         | cheap          | 2.50
			monitoring.cost.zone                               | Mars/Olympus   | Europe/Paris
			""")
	void suggestedValueFixesTheBadOne(String key, String bad, String suggested) {
		ApplicationContextRunner valid = new ApplicationContextRunner().withUserConfiguration(EveryProperty.class)
			.withPropertyValues(
				"monitoring.alerts.webhooks[0].url=https://hooks.example.org/a",
				"monitoring.alerts.email.smtp-host=127.0.0.1", "monitoring.alerts.email.recipients=oncall@example.org",
				"monitoring.alerts.email.from=alerts@example.org", "monitoring.cost.models.gpt-4o.input=2.5",
				"monitoring.cost.models.gpt-4o.output=10");
		valid.withPropertyValues(key + "=" + bad).run((context) -> {
			String reason = FailureAnalyses.of(context.getStartupFailure());
			assertThat(reason).contains("Property: " + key);
			String line = reason.substring(reason.indexOf("Reason: ")).lines().findFirst().orElseThrow();
			assertThat(line).containsPattern("[ (]" + Pattern.quote(suggested) + "([ ),]|$)");
		});
		valid.withPropertyValues(key + "=" + suggested).run((context) -> assertThat(context).hasNotFailed());
	}

	// Binds and validates every properties class, and creates no other bean
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ MonitoringProperties.class, AgentMetricsProperties.class,
			AgentTracingProperties.class, AgentLoggingProperties.class, AgentHealthProperties.class,
			AgentCostProperties.class, AgentAlertsProperties.class, AgentBridgesProperties.class })
	static class EveryProperty {

	}

}
