package dev.agentobs.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.Assert;

import dev.agentobs.alert.AlertCategory;
import dev.agentobs.alert.AlertNotifier;
import dev.agentobs.alert.AlertRule;
import dev.agentobs.autoconfigure.endpoint.AgentAlertsEndpoint;
import dev.agentobs.internal.alert.AlertAudience;
import dev.agentobs.internal.alert.AlertEvaluator;
import dev.agentobs.internal.alert.AlertThresholds;
import dev.agentobs.internal.alert.EmailNotifier;
import dev.agentobs.internal.alert.JsonEncoder;
import dev.agentobs.internal.alert.MeterNotificationOutcomeRecorder;
import dev.agentobs.internal.alert.NotificationOutcomeRecorder;
import dev.agentobs.internal.alert.NotificationQueue;
import dev.agentobs.internal.alert.PrometheusRuleGenerator;
import dev.agentobs.internal.alert.RunbookLinks;
import dev.agentobs.internal.alert.WebhookNotifier;
import dev.agentobs.internal.cost.RunLedgers;
import dev.agentobs.internal.support.RedactedUrl;
import dev.agentobs.stats.AgentStatistics;

/**
 * Alerts judged from the rolling statistics and the runs stopped by their budget, and sent to
 * webhooks and e-mail, the {@code agentalerts} endpoint, and the masking of the
 * {@code monitoring.*} secrets in actuator endpoints.
 *
 * @since 0.1.0
 */
// After the statistics the rules read, the metrics registry the alert meters go to, and the
// mail auto-configuration whose JavaMailSender e-mail alerts use when no SMTP host is set
// (by the names of both Spring Boot generations). Webhook bodies are written by the JSON
// library of the Spring Boot generation this module is built for.
@AutoConfiguration(after = { AgentStatisticsAutoConfiguration.class, AgentMetricsAutoConfiguration.class },
		afterName = { "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
				"org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnMonitoringEnabled
@EnableConfigurationProperties({ MonitoringProperties.class, AgentHealthProperties.class, AgentAlertsProperties.class })
@Import(AlertJsonConfiguration.class)
public final class AgentAlertingAutoConfiguration {

	/** How long a Prometheus rule's condition must hold before it fires. */
	static final Duration RULE_PENDING_FOR = Duration.ofMinutes(2);

	/**
	 * The first wait before a notifier bean (e-mail, or the application's own) is tried again;
	 * a webhook has its own backoff.
	 */
	static final Duration NOTIFIER_RETRY_BACKOFF = Duration.ofSeconds(1);

	// Static: the binder looks converters up before this configuration's instance exists
	@Bean
	@ConfigurationPropertiesBinding
	static Converter<String, AlertCategory> agentAlertCategoryConverter() {
		return new AlertCategoryConverter();
	}

	@Bean
	@ConditionalOnMissingBean
	AlertThresholds agentAlertThresholds(AgentAlertsProperties alerts) {
		return alerts.getThresholds().toAlertThresholds();
	}

	@Bean
	@ConditionalOnMissingBean
	PrometheusRuleGenerator agentPrometheusRuleGenerator(MonitoringProperties properties,
			AgentHealthProperties health, AgentAlertsProperties alerts, Environment environment) {
		String job = alerts.getScrapeJob();
		return new PrometheusRuleGenerator("agent-observability", properties.getWindow(), health.getMinRequests(),
				RULE_PENDING_FOR, (job != null) ? job : applicationName(environment), alerts.runbooks());
	}

	// The service's name in webhook payloads, e-mails and the service-down rule's job
	private static String applicationName(Environment environment) {
		return environment.getProperty("spring.application.name", "application");
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class SanitizingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MonitoringSecretsSanitizer agentMonitoringSecretsSanitizer(Environment environment) {
			return new MonitoringSecretsSanitizer(environment);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "monitoring.alerts.enabled", matchIfMissing = true)
	@ConditionalOnBean(AgentStatistics.class)
	static class EvaluationConfiguration {

		// Nothing starts here: the evaluator's threads run from the lifecycle's start to the
		// context's close, so that a start-up that fails later leaves none behind
		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		AlertEvaluator agentAlertEvaluator(AgentStatistics statistics, AgentHealthProperties health,
				AgentAlertsProperties alerts, AlertThresholds thresholds, ObjectProvider<AlertNotifier> notifiers,
				ObjectProvider<NotificationOutcomeRecorder> recorder, ObjectProvider<Clock> clock,
				ObjectProvider<JsonEncoder> json, ObjectProvider<RunLedgers> ledgers, Environment environment) {
			NotificationOutcomeRecorder outcomes = recorder.getIfAvailable(() -> NotificationOutcomeRecorder.NONE);
			String service = applicationName(environment);
			Duration retryFor = alerts.getRepeatInterval();
			List<NotificationQueue> shared = new ArrayList<>();
			Map<String, Integer> channels = new HashMap<>();
			notifiers.orderedStream().forEach((notifier) -> {
				// Named by channel: email, or the channel of the application's own notifier
				int same = channels.merge(notifier.channel(), 1, Integer::sum);
				String name = (same == 1) ? notifier.channel() : notifier.channel() + "-" + same;
				shared.add(new NotificationQueue(notifier, name, alerts.getQueueCapacity(), NOTIFIER_RETRY_BACKOFF,
						retryFor, outcomes));
			});
			List<AlertAudience> ownThresholds = new ArrayList<>();
			List<WebhookProperties> webhooks = alerts.getWebhooks();
			RunbookLinks runbooks = alerts.runbooks();
			for (int i = 0; i < webhooks.size(); i++) {
				WebhookProperties webhook = webhooks.get(i);
				String name = webhook.receiverName(i);
				NotificationQueue queue = new NotificationQueue(webhookNotifier(webhook, i, service, runbooks, json),
						name, alerts.getQueueCapacity(), webhook.getBackoff(), retryFor, outcomes);
				if (webhook.getThreshold().isAnySet()) {
					ownThresholds.add(new AlertAudience(name, alerts.thresholds(webhook.getThreshold()), List.of(queue)));
				}
				else {
					shared.add(queue);
				}
			}
			List<AlertAudience> audiences = new ArrayList<>();
			audiences.add(new AlertAudience("default", thresholds, shared));
			audiences.addAll(ownThresholds);
			RunLedgers runLedgers = ledgers.getIfUnique();
			return new AlertEvaluator(statistics, audiences, health.getMinRequests(), alerts.getRepeatInterval(),
					alerts.pendingForOrDefault(), clock.getIfUnique(Clock::systemUTC),
					(runLedgers != null) ? runLedgers::stops : Map::of);
		}

		@Bean
		@ConditionalOnMissingBean
		AlertEvaluatorLifecycle agentAlertEvaluatorLifecycle(AlertEvaluator evaluator, AgentAlertsProperties alerts) {
			return new AlertEvaluatorLifecycle(evaluator, alerts.getEvaluationInterval(),
					alerts.getShutdownGracePeriod());
		}

		private static WebhookNotifier webhookNotifier(WebhookProperties webhook, int index, String service,
				RunbookLinks runbooks, ObjectProvider<JsonEncoder> json) {
			URI url = webhook.getUrl();
			// Checked at binding: every webhook has an http or https URL
			Assert.state(url != null, "a webhook without a URL was bound");
			JsonEncoder encoder = json.getIfAvailable();
			if (encoder == null) {
				throw new InvalidConfigurationPropertyValueException(
						"monitoring.alerts.webhooks[" + index + "].url", RedactedUrl.of(url),
						"Webhook bodies are JSON written by Jackson: add spring-boot-starter-json");
			}
			return new WebhookNotifier(url, webhook.getFormat(), encoder, webhook.getEvents(), webhook.signer(),
					webhook.getTimeout(), webhook.getMaxAttempts(), webhook.getBackoff(), webhook.getHeaders(), service,
					runbooks);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	@ConditionalOnBooleanProperty(name = "monitoring.alerts.enabled", matchIfMissing = true)
	static class AlertMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MeterNotificationOutcomeRecorder agentNotificationOutcomeRecorder(MeterRegistry registry) {
			// Each receiver's queue makes its own counters known, at zero
			return new MeterNotificationOutcomeRecorder(registry);
		}

		@Bean
		@ConditionalOnBean(AgentStatistics.class)
		MeterBinder agentAlertsFiringMetrics(ObjectProvider<AlertEvaluator> evaluator) {
			return (registry) -> {
				AlertEvaluator alerts = evaluator.getIfAvailable();
				if (alerts == null) {
					return;
				}
				for (AlertRule rule : AlertRule.values()) {
					Gauge.builder("agent.alerts.firing", alerts, (current) -> current.firingCount(rule))
						.description("Alerts firing now, judged by the application's thresholds")
						.tag("alertname", rule.alertName())
						.tag("severity", rule.severity().label())
						.register(registry);
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
	@ConditionalOnBooleanProperty(name = "monitoring.alerts.enabled", matchIfMissing = true)
	@ConditionalOnBean(AgentStatistics.class)
	@ConditionalOnAvailableEndpoint(AgentAlertsEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AgentAlertsEndpoint agentAlertsEndpoint(AlertEvaluator evaluator, AlertThresholds thresholds,
				PrometheusRuleGenerator rules) {
			return new AgentAlertsEndpoint(evaluator, thresholds, rules);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JavaMailSender.class)
	@ConditionalOnBooleanProperty(name = "monitoring.alerts.enabled", matchIfMissing = true)
	@Conditional(OnEmailAlertsCondition.class)
	static class EmailConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "agentEmailNotifier")
		EmailNotifier agentEmailNotifier(AgentAlertsProperties alerts, ObjectProvider<JavaMailSender> mailSender,
				Environment environment) {
			EmailAlertsProperties email = alerts.getEmail();
			String host = email.getSmtpHost();
			JavaMailSender sender = (host != null && !host.isBlank()) ? mailSender(email) : mailSender.getIfAvailable();
			if (sender == null) {
				// Only known once the beans are: whether the application has a mail sender
				throw new InvalidConfigurationPropertyValueException("monitoring.alerts.email.smtp-host", null,
						"smtp-host must be an SMTP server such as smtp.example.org when the application has no "
								+ "mail sender (spring.mail.host), was null");
			}
			String from = email.sender();
			// Checked at binding: active e-mail alerts have a sender
			Assert.state(from != null, "e-mail alerts without a sender were bound");
			return new EmailNotifier(sender, from, email.getRecipients(), applicationName(environment),
					(host != null && !host.isBlank()) ? host + ":" + email.getSmtpPort() : "the application's mail sender",
					alerts.runbooks());
		}

		private static JavaMailSender mailSender(EmailAlertsProperties email) {
			JavaMailSenderImpl sender = new JavaMailSenderImpl();
			sender.setHost(email.getSmtpHost());
			sender.setPort(email.getSmtpPort());
			sender.setUsername(email.getUsername());
			sender.setPassword(email.getPassword());
			sender.setDefaultEncoding("UTF-8");
			Properties mail = new Properties();
			mail.setProperty("mail.smtp.auth", Boolean.toString(email.getUsername() != null));
			mail.setProperty("mail.smtp.starttls.enable", Boolean.toString(email.isStarttls()));
			mail.setProperty("mail.smtp.starttls.required", Boolean.toString(email.isStarttls()));
			// A mail server that hangs must not hold the delivery thread for long
			mail.setProperty("mail.smtp.connectiontimeout", "10000");
			mail.setProperty("mail.smtp.timeout", "10000");
			mail.setProperty("mail.smtp.writetimeout", "10000");
			sender.setJavaMailProperties(mail);
			return sender;
		}

	}

	/**
	 * Matches when e-mail alerts are on: {@code monitoring.alerts.email.enabled=true}, or not
	 * set and recipients given.
	 */
	static class OnEmailAlertsCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Binder binder = Binder.get(context.getEnvironment());
			Boolean enabled = binder.bind("monitoring.alerts.email.enabled", Boolean.class).orElse(null);
			boolean recipients = binder.bind("monitoring.alerts.email.recipients", String[].class)
				.map((values) -> values.length > 0)
				.orElse(false);
			boolean active = (enabled != null) ? enabled : recipients;
			return active ? ConditionOutcome.match("e-mail alerts are on")
					: ConditionOutcome.noMatch("e-mail alerts are off (no monitoring.alerts.email.recipients)");
		}

	}

}
