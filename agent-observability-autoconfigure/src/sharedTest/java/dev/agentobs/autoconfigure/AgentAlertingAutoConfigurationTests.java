package dev.agentobs.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.javamail.JavaMailSender;

import dev.agentobs.alert.AlertCategory;
import dev.agentobs.alert.AlertRule;
import dev.agentobs.internal.alert.AlertEvaluator;
import dev.agentobs.internal.alert.AlertThresholds;
import dev.agentobs.internal.alert.EmailNotifier;
import dev.agentobs.internal.alert.PrometheusRuleGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentAlertingAutoConfiguration}: the beans, the switches, and configuration
 * that explains itself when it is wrong.
 */
class AgentAlertingAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(), BootAutoConfigurations.metrics(),
				AgentObservationAutoConfiguration.class, AgentCostAutoConfiguration.class,
				AgentStatisticsAutoConfiguration.class, AgentAlertingAutoConfiguration.class));

	@Test
	void runShouldCreateEvaluatorRulesAndSanitizer() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(AlertEvaluator.class)
				.hasSingleBean(PrometheusRuleGenerator.class)
				.hasSingleBean(MonitoringSecretsSanitizer.class)
				.doesNotHaveBean(EmailNotifier.class);
			assertThat(context.getBean(AlertThresholds.class))
				.isEqualTo(new AlertThresholds(0.10, Duration.ofSeconds(5), 10, 10.00, 2_000_000, 0.8));
		});
	}

	@Test
	void runWhenAlertsDisabledShouldNotEvaluateButStillMaskSecrets() {
		this.contextRunner.withPropertyValues("monitoring.alerts.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AlertEvaluator.class)
				.doesNotHaveBean(MeterBinder.class)
				.hasSingleBean(MonitoringSecretsSanitizer.class));
	}

	@Test
	void runWhenMonitoringDisabledShouldAddNothing() {
		this.contextRunner.withPropertyValues("monitoring.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AlertEvaluator.class)
				.doesNotHaveBean(MonitoringSecretsSanitizer.class)
				.doesNotHaveBean(AlertThresholds.class));
	}

	@Test
	void errorRateGivenAsPercentFailsNamingTheKeyAndTheFix() {
		this.contextRunner.withPropertyValues("monitoring.alerts.thresholds.error-rate=10")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.alerts.thresholds.error-rate", "Value: \"10.0\"",
						"Reason: error-rate must be a fraction between 0 and 1, for 10% write 0.1, was 10.0"));
	}

	@Test
	void budgetWarningBindsAsTheShareOfBothBudgets() {
		this.contextRunner
			.withPropertyValues("monitoring.alerts.thresholds.budget-warning=0.9",
					"monitoring.alerts.thresholds.daily-cost=20", "monitoring.alerts.thresholds.daily-tokens=1000")
			.run((context) -> {
				AlertThresholds thresholds = context.getBean(AlertThresholds.class);
				assertThat(thresholds.of(AlertRule.DAILY_COST_WARNING)).isEqualTo(18.0);
				assertThat(thresholds.of(AlertRule.DAILY_TOKENS_WARNING)).isEqualTo(900.0);
				assertThat(context.getBean(PrometheusRuleGenerator.class).generate(thresholds))
					.contains("(increase(gen_ai_client_cost_usd_total[24h])) >= 18\n")
					.contains("(increase(gen_ai_client_token_usage_tokens_sum[24h])) >= 900\n");
			});
	}

	@Test
	void budgetWarningGivenAsPercentFailsNamingTheKeyAndTheFix() {
		this.contextRunner.withPropertyValues("monitoring.alerts.thresholds.budget-warning=80")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.alerts.thresholds.budget-warning", "Value: \"80.0\"",
						"Reason: budget-warning must be a fraction above 0 and up to 1, for 80% write 0.8, was 80.0"));
	}

	@Test
	void budgetWarningOfZeroFails() {
		this.contextRunner.withPropertyValues("monitoring.alerts.webhooks[0].url=https://hooks.example.org/a",
				"monitoring.alerts.webhooks[0].threshold.budget-warning=0")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.alerts.webhooks[0].threshold.budget-warning",
						"Reason: budget-warning must be a fraction above 0 and up to 1, such as 0.8 for 80%, was 0.0"));
	}

	@Test
	void serviceDownWatchesTheScrapeJobOrElseTheApplicationsName() {
		this.contextRunner.withPropertyValues("spring.application.name=research-assistant")
			.run((context) -> assertThat(rules(context)).contains("up{job=\"research-assistant\"} == 0\n"));
		this.contextRunner
			.withPropertyValues("spring.application.name=research-assistant", "monitoring.alerts.scrape-job=agent-sample")
			.run((context) -> assertThat(rules(context)).contains("up{job=\"agent-sample\"} == 0\n")
				.contains("or absent(up{job=\"agent-sample\"})\n"));
	}

	@Test
	void runbookBaseUrlLinksEveryGeneratedRule() {
		this.contextRunner.withPropertyValues("monitoring.alerts.runbook-base-url=https://runbooks.example.org/agents")
			.run((context) -> assertThat(rules(context))
				.contains("runbook_url: https://runbooks.example.org/agents/agentservicedown\n")
				.contains("runbook_url: https://runbooks.example.org/agents/agentdailytokenbudgetnearlyspent\n"));
		this.contextRunner.run((context) -> assertThat(rules(context)).doesNotContain("runbook_url"));
	}

	@Test
	void runbookBaseUrlMustBeHttp() {
		this.contextRunner.withPropertyValues("monitoring.alerts.runbook-base-url=file:/srv/runbooks")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.alerts.runbook-base-url",
						"Reason: runbook-base-url must be an http or https URL such as "
								+ "https://runbooks.example.com/agents/, was file:/srv/runbooks"));
	}

	@Test
	void scrapeJobMustNotBeBlank() {
		this.contextRunner.withPropertyValues("monitoring.alerts.scrape-job= ")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.alerts.scrape-job", "Reason: scrape-job must be the name of the "
						+ "Prometheus job that scrapes the service, such as research-assistant, was "));
	}

	private static String rules(AssertableApplicationContext context) {
		return context.getBean(PrometheusRuleGenerator.class).generate(context.getBean(AlertThresholds.class));
	}

	@Test
	void webhookUrlMustBeHttp() {
		this.contextRunner.withPropertyValues("monitoring.alerts.webhooks[0].url=ftp://files.example.org/hook")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.alerts.webhooks[0].url",
						"Reason: url must be an http or https URL such as https://hooks.example.com/agents, "
								+ "was ftp://files.example.org/<sha256:")
				.containsPattern("Value: \"ftp://files\\.example\\.org/<sha256:[0-9a-f]{8}>\"")
				.doesNotContain("example.org/hook"));
	}

	@Test
	void webhookSecretMustBeWhsecBase64AndIsNotEchoed() {
		this.contextRunner.withPropertyValues("monitoring.alerts.webhooks[0].url=https://hooks.example.org/a",
				"monitoring.alerts.webhooks[0].secret=whsec_not base64 at all")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.alerts.webhooks[0].secret", "Value: \"******\"",
						"Reason: secret must be 'whsec_' followed by the base64 of 24 or more random bytes",
						"was no base64 (23 characters)")
				.doesNotContain("not base64 at all"));
	}

	@Test
	void webhookNameMustBeALabelValue() {
		this.contextRunner.withPropertyValues("monitoring.alerts.webhooks[0].url=https://hooks.example.org/a",
				"monitoring.alerts.webhooks[0].name=on call")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.alerts.webhooks[0].name", "Value: \"on call\"",
						"Reason: name must be 1 to 64 letters, digits, '.', '_' or '-' starting with a letter or digit, "
								+ "such as pagerduty, was on call"));
	}

	@Test
	void twoWebhooksCannotShareAName() {
		this.contextRunner
			.withPropertyValues("monitoring.alerts.webhooks[0].url=https://hooks.example.org/a",
					"monitoring.alerts.webhooks[1].url=https://hooks.example.org/b",
					"monitoring.alerts.webhooks[1].name=webhook-0")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.alerts.webhooks[1].name", "Value: \"webhook-0\"",
						"Reason: webhooks[1].name must be a name no other webhook has (webhooks[0] is webhook-0), "
								+ "was webhook-0"));
	}

	@Test
	void pendingForAndShutdownGracePeriodMustNotBeNegative() {
		this.contextRunner
			.withPropertyValues("monitoring.alerts.pending-for=-1s", "monitoring.alerts.shutdown-grace-period=-5s")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.alerts.pending-for",
						"Reason: pending-for must be zero or a positive duration such as 30s, or 0s to fire at once, "
								+ "was PT-1S",
						"Property: monitoring.alerts.shutdown-grace-period",
						"Reason: shutdown-grace-period must be zero or a positive duration such as 5s, was PT-5S"));
	}

	@Test
	void notificationCountersCarryEachReceiversNameAndNeverItsUrl() {
		this.contextRunner.withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
			.withPropertyValues("monitoring.alerts.webhooks[0].url=https://hooks.slack.com/services/T0/B0/SECRET",
					"monitoring.alerts.webhooks[0].name=slack-oncall",
					"monitoring.alerts.webhooks[1].url=https://hooks.example.org/b")
			.run((context) -> assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
				.contains("agent_alert_notifications_total{channel=\"webhook\",outcome=\"sent\",receiver=\"slack-oncall\"} 0")
				.contains("agent_alert_notifications_total{channel=\"webhook\",outcome=\"dropped\",receiver=\"webhook-1\"} 0")
				.doesNotContain("hooks.", "SECRET"));
	}

	@Test
	void webhookWithoutUrlFails() {
		this.contextRunner.withPropertyValues("monitoring.alerts.webhooks[0].format=slack")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.alerts.webhooks[0].url", "Value: \"null\"",
						"Reason: url must be an http or https URL such as https://hooks.example.com/agents, was null"));
	}

	@Test
	void emailWithRecipientsButNoServerFails() {
		this.contextRunner
			.withPropertyValues("monitoring.alerts.email.recipients=oncall@example.org",
					"monitoring.alerts.email.from=alerts@example.org")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.alerts.email.smtp-host", "Value: \"null\"",
						"Reason: smtp-host must be an SMTP server such as smtp.example.org when the application has "
								+ "no mail sender (spring.mail.host)"));
	}

	@Test
	void emailEnabledWithoutRecipientsFails() {
		this.contextRunner
			.withPropertyValues("monitoring.alerts.email.enabled=true", "monitoring.alerts.email.smtp-host=localhost")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.alerts.email.recipients", "Value: \"[]\"",
						"Reason: recipients must be at least one address when e-mail alerts are on, "
								+ "or set monitoring.alerts.email.enabled=false"));
	}

	@Test
	void emailWithoutMailSupportFailsNamingTheStarter() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(JavaMailSender.class))
			.withPropertyValues("monitoring.alerts.email.recipients=oncall@example.org",
					"monitoring.alerts.email.smtp-host=localhost")
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.alerts.email.enabled",
						"add spring-boot-starter-mail for e-mail alerts"));
	}

	@Test
	void emailUsesTheApplicationsMailSenderWhenNoHostIsSet() {
		this.contextRunner.withBean(JavaMailSender.class, org.springframework.mail.javamail.JavaMailSenderImpl::new)
			.withPropertyValues("monitoring.alerts.email.recipients=oncall@example.org",
					"monitoring.alerts.email.from=agents@example.org")
			.run((context) -> assertThat(context).hasSingleBean(EmailNotifier.class)
				.getBean(EmailNotifier.class)
				.satisfies((notifier) -> assertThat(notifier.receiver()).isEqualTo("the application's mail sender")));
	}

	@Test
	void snakeCaseYamlOfOtherFrameworksBindsUnchanged() {
		this.contextRunner.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(yaml("robutler-style-monitoring.yml")))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(EmailNotifier.class);
				AgentAlertsProperties alerts = context.getBean(AgentAlertsProperties.class);
				WebhookProperties webhook = alerts.getWebhooks().get(0);
				assertThat(webhook.getUrl()).isEqualTo(URI.create("https://alerts.example.org/agents"));
				assertThat(webhook.getEvents()).containsExactlyInAnyOrder(AlertCategory.ERROR,
						AlertCategory.PERFORMANCE_DEGRADATION);
				assertThat(webhook.getThreshold().getErrorRate()).isEqualTo(0.05);
				assertThat(webhook.getThreshold().getResponseTime()).isEqualTo(Duration.ofSeconds(5));
				assertThat(alerts.getEmail().getSmtpHost()).isEqualTo("smtp.example.org");
				assertThat(alerts.getEmail().getSmtpPort()).isEqualTo(587);
				assertThat(alerts.getEmail().getRecipients()).containsExactly("admin@example.org");
				assertThat(context.getBean(EmailNotifier.class).receiver()).isEqualTo("smtp.example.org:587");
			});
	}

	private static PropertySource<?> yaml(String name) {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(name, new ClassPathResource(name));
			return sources.get(0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
