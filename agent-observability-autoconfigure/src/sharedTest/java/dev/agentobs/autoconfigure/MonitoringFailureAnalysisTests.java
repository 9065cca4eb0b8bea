package dev.agentobs.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests what an application that starts with a bad {@code monitoring.*} value prints: Spring
 * Boot's failure analysis naming the key, the value and the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class MonitoringFailureAnalysisTests {

	@Test
	void negativePriceIsReportedAsAFailureAnalysis(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--monitoring.cost.models.gpt-4o.input=-1"));
		assertThat(output).contains("APPLICATION FAILED TO START", "Property: monitoring.cost.models.gpt-4o.input",
				"Value: \"-1.0\"", "Reason: input must be 0 or more USD per million tokens, such as 2.50, was -1.0")
			.doesNotContain("observationRegistry");
	}

	@Test
	void priceThatIsNoNumberIsReportedAsAFailureAnalysis(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--monitoring.cost.models.gpt-4o.input=cheap"));
		assertThat(output).contains("APPLICATION FAILED TO START", "Property: monitoring.cost.models.gpt-4o.input",
				"Value: \"cheap\"", "Reason: input must be a number such as 2.50, was cheap")
			.doesNotContain("observationRegistry");
	}

	@Test
	void webhookUrlThatIsNoUrlIsReportedAsAFailureAnalysisShowingOnlyAHash(CapturedOutput output) {
		// What is no URL may be a secret put in the wrong place
		assertThatException().isThrownBy(() -> run("--monitoring.alerts.webhooks[0].url=not a url XyZ-s3cr3t"));
		assertThat(output).contains("APPLICATION FAILED TO START", "Property: monitoring.alerts.webhooks[0].url",
				"Reason: url must be a URL such as https://hooks.example.com/agents, was <sha256:")
			.containsPattern("Value: \"<sha256:[0-9a-f]{8}>\"")
			.doesNotContain("XyZ-s3cr3t");
	}

	@Test
	void webhookUrlThatIsNoHttpUrlIsReportedShowingItsHostOnly(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> run("--monitoring.alerts.webhooks[0].url=htps://hooks.slack.com/services/T0/B0/XyZs3cr3t"));
		assertThat(output).contains("APPLICATION FAILED TO START", "Property: monitoring.alerts.webhooks[0].url",
				"Reason: url must be an http or https URL such as https://hooks.example.com/agents, "
						+ "was htps://hooks.slack.com/<sha256:")
			.containsPattern("Value: \"htps://hooks\\.slack\\.com/<sha256:[0-9a-f]{8}>\"")
			.doesNotContain("XyZs3cr3t");
	}

	@Test
	void misspelledKeyIsReportedAsAFailureAnalysisBeforeAnyBeanIsCreated(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--monitoring.helth.min-requests=5"));
		assertThat(output).contains("APPLICATION FAILED TO START", "Property: monitoring.helth.min-requests",
				"Origin: \"monitoring.helth.min-requests\" from property source \"commandLineArgs\"",
				"Reason: no such key; did you mean monitoring.health.min-requests?", "monitoring.strict-keys=false")
			.doesNotContain("observationRegistry");
	}

	private static void run(String... args) {
		SpringApplication application = new SpringApplication(MonitoredApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args).close();
	}

	@Configuration(proxyBeanMethods = false)
	@Import(BootAutoConfigurations.ObservationAndMetrics.class)
	@ImportAutoConfiguration({ MonitoringKeysAutoConfiguration.class, AgentObservationAutoConfiguration.class, AgentMetricsAutoConfiguration.class,
			AgentCostAutoConfiguration.class, AgentStatisticsAutoConfiguration.class,
			AgentAlertingAutoConfiguration.class })
	static class MonitoredApplication {

	}

}
