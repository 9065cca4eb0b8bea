package dev.agentobs.autoconfigure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

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

}
