package dev.agentobs.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import tools.jackson.databind.json.JsonMapper;

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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.ClassUtils;

import dev.agentobs.alert.AlertAudience;
import dev.agentobs.alert.AlertEvaluator;
import dev.agentobs.alert.AlertNotifier;
import dev.agentobs.alert.AlertRule;
import dev.agentobs.autoconfigure.AlertSecretsSanitizer;
import dev.agentobs.alert.AlertThresholds;
import dev.agentobs.alert.EmailNotifier;
import dev.agentobs.alert.JsonEncoder;
import dev.agentobs.alert.MeterNotificationOutcomeRecorder;
import dev.agentobs.alert.NotificationOutcomeRecorder;
import dev.agentobs.alert.NotificationQueue;
import dev.agentobs.alert.PrometheusRuleGenerator;
import dev.agentobs.alert.WebhookNotifier;
import dev.agentobs.alert.WebhookSigner;
import dev.agentobs.autoconfigure.endpoint.AgentAlertsEndpoint;
import dev.agentobs.stats.AgentStatistics;

/**
 * Alerts judged from the rolling statistics and sent to webhooks and e-mail, the
 * {@code agentalerts} endpoint, and the masking of alerting secrets in actuator endpoints.
 *
 * @since 0.1.0
 */
// After the statistics the rules read, the metrics registry the alert meters go to, and the
// mail auto-configuration whose JavaMailSender e-mail alerts use when no SMTP host is set.
@AutoConfiguration(after = { AgentStatisticsAutoConfiguration.class, AgentMetricsAutoConfiguration.class },
		afterName = { "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnMonitoringEnabled
@EnableConfigurationProperties(MonitoringProperties.class)
public final class AgentAlertingAutoConfiguration {

	/** How long a Prometheus rule's condition must hold before it fires. */
	static final Duration RULE_PENDING_FOR = Duration.ofMinutes(2);

	private static final String JAVA_MAIL_SENDER = "org.springframework.mail.javamail.JavaMailSender";

	@Bean
	@ConditionalOnMissingBean
	AlertThresholds agentAlertThresholds(MonitoringProperties properties) {
		return thresholds(properties.getAlerts().getThresholds(), properties.getAlerts().getThresholds());
	}

	@Bean
	@ConditionalOnMissingBean
	PrometheusRuleGenerator agentPrometheusRuleGenerator(MonitoringProperties properties) {
		return new PrometheusRuleGenerator("agent-observability", properties.getWindow(),
				properties.getHealth().getMinRequests(), RULE_PENDING_FOR);
	}

	static AlertThresholds thresholds(MonitoringProperties.Thresholds own, MonitoringProperties.Thresholds defaults) {
		return new AlertThresholds(pick(own.getErrorRate(), defaults.getErrorRate()),
				pick(own.getResponseTime(), defaults.getResponseTime()),
				pick(own.getFailureCount(), defaults.getFailureCount()), pick(own.getDailyCost(), defaults.getDailyCost()),
				pick(own.getDailyTokens(), defaults.getDailyTokens()));
	}

	private static <T> T pick(T own, T fallback) {
		return (own != null) ? own : fallback;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class SanitizingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AlertSecretsSanitizer agentAlertSecretsSanitizer() {
			return new AlertSecretsSanitizer();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapper.class)
	@ConditionalOnBooleanProperty(name = "monitoring.alerts.enabled", matchIfMissing = true)
	static class JsonConfiguration {

		@Bean
		@ConditionalOnMissingBean
		JsonEncoder agentAlertJsonEncoder(ObjectProvider<JsonMapper> jsonMapper) {
			// The application's mapper when Boot made one; payloads are maps, which naming
			// strategies leave alone, so its settings cannot rename a receiver's fields
			JsonMapper mapper = jsonMapper.getIfUnique(JsonMapper::new);
			return mapper::writeValueAsString;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "monitoring.alerts.enabled", matchIfMissing = true)
	@ConditionalOnBean(AgentStatistics.class)
	static class EvaluationConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		AlertEvaluator agentAlertEvaluator(AgentStatistics statistics, MonitoringProperties properties,
				AlertThresholds thresholds, ObjectProvider<AlertNotifier> notifiers,
				ObjectProvider<NotificationOutcomeRecorder> recorder, ObjectProvider<Clock> clock,
				ObjectProvider<JsonEncoder> json, Environment environment) {
			MonitoringProperties.Alerts alerts = properties.getAlerts();
			if (alerts.getEmail().isActive() && !ClassUtils.isPresent(JAVA_MAIL_SENDER, null)) {
				throw new InvalidConfigurationPropertyValueException("monitoring.alerts.email.enabled", true,
						"E-mail alerts need Spring's mail support: add spring-boot-starter-mail, "
								+ "or set monitoring.alerts.email.enabled=false");
			}
			NotificationOutcomeRecorder outcomes = recorder.getIfAvailable(() -> NotificationOutcomeRecorder.NONE);
			String service = environment.getProperty("spring.application.name", "application");
			List<NotificationQueue> shared = new ArrayList<>();
			notifiers.orderedStream()
				.forEach((notifier) -> shared.add(new NotificationQueue(notifier, alerts.getQueueCapacity(), outcomes)));
			List<AlertAudience> ownThresholds = new ArrayList<>();
			List<MonitoringProperties.Webhook> webhooks = alerts.getWebhooks();
			for (int i = 0; i < webhooks.size(); i++) {
				MonitoringProperties.Webhook webhook = webhooks.get(i);
				NotificationQueue queue = new NotificationQueue(webhookNotifier(webhook, i, service, json),
						alerts.getQueueCapacity(), outcomes);
				if (hasOverrides(webhook.getThreshold())) {
					ownThresholds.add(new AlertAudience(String.valueOf(webhook.getUrl()),
							thresholds(webhook.getThreshold(), alerts.getThresholds()), List.of(queue)));
				}
				else {
					shared.add(queue);
				}
			}
			List<AlertAudience> audiences = new ArrayList<>();
			audiences.add(new AlertAudience("default", thresholds, shared));
			audiences.addAll(ownThresholds);
			AlertEvaluator evaluator = new AlertEvaluator(statistics, audiences, properties.getHealth().getMinRequests(),
					alerts.getRepeatInterval(), clock.getIfUnique(Clock::systemUTC));
			evaluator.start(alerts.getEvaluationInterval());
			return evaluator;
		}

		private static WebhookNotifier webhookNotifier(MonitoringProperties.Webhook webhook, int index,
				String service, ObjectProvider<JsonEncoder> json) {
			if (webhook.getUrl() == null) {
				throw new InvalidConfigurationPropertyValueException("monitoring.alerts.webhooks[" + index + "].url",
						null, "Every webhook needs a URL, such as https://hooks.example.com/agents");
			}
			JsonEncoder encoder = json.getIfAvailable();
			if (encoder == null) {
				throw new InvalidConfigurationPropertyValueException("monitoring.alerts.webhooks[" + index + "].url",
						webhook.getUrl(), "Webhook bodies are JSON written by Jackson: add spring-boot-starter-json");
			}
			String secret = webhook.getSecret();
			return new WebhookNotifier(webhook.getUrl(), webhook.getFormat(), encoder, webhook.getEvents(),
					(secret != null && !secret.isEmpty()) ? new WebhookSigner(secret) : null, webhook.getTimeout(),
					webhook.getMaxAttempts(), webhook.getBackoff(), webhook.getHeaders(), service);
		}

		private static boolean hasOverrides(MonitoringProperties.Thresholds threshold) {
			return threshold.getErrorRate() != null || threshold.getResponseTime() != null
					|| threshold.getFailureCount() != null || threshold.getDailyCost() != null
					|| threshold.getDailyTokens() != null;
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
			MeterNotificationOutcomeRecorder recorder = new MeterNotificationOutcomeRecorder(registry);
			recorder.register("webhook");
			recorder.register("email");
			return recorder;
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
		EmailNotifier agentEmailNotifier(MonitoringProperties properties, ObjectProvider<JavaMailSender> mailSender,
				Environment environment) {
			MonitoringProperties.Email email = properties.getAlerts().getEmail();
			if (email.getRecipients().isEmpty()) {
				throw new InvalidConfigurationPropertyValueException("monitoring.alerts.email.recipients", "[]",
						"E-mail alerts are on but go to nobody: set monitoring.alerts.email.recipients, "
								+ "or monitoring.alerts.email.enabled=false");
			}
			String host = email.getSmtpHost();
			JavaMailSender sender = (host != null && !host.isBlank()) ? mailSender(email) : mailSender.getIfAvailable();
			if (sender == null) {
				throw new InvalidConfigurationPropertyValueException("monitoring.alerts.email.smtp-host", null,
						"E-mail alerts need an SMTP server: set monitoring.alerts.email.smtp-host, or spring.mail.host "
								+ "for the application's own mail sender");
			}
			String from = (email.getFrom() != null) ? email.getFrom() : email.getUsername();
			if (from == null || from.isBlank()) {
				throw new InvalidConfigurationPropertyValueException("monitoring.alerts.email.from", null,
						"E-mail alerts need a sender: set monitoring.alerts.email.from (or a username)");
			}
			return new EmailNotifier(sender, from, email.getRecipients(),
					environment.getProperty("spring.application.name", "application"),
					(host != null && !host.isBlank()) ? host + ":" + email.getSmtpPort() : "the application's mail sender");
		}

		private static JavaMailSender mailSender(MonitoringProperties.Email email) {
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
