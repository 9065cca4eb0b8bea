package dev.agentobs.autoconfigure.alert;

import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.LoopbackHttp;
import dev.agentobs.operation.AgentOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerting end to end in an application: failing agent runs fire an alert that reaches a real
 * webhook receiver, signed, and a real SMTP server; the endpoints, the health indicator and
 * the metrics show it; the secrets stay masked even with {@code show-values: always}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,agentalerts,configprops,env,prometheus",
				"management.endpoint.health.show-details=always", "management.endpoint.configprops.show-values=always",
				"management.endpoint.env.show-values=always", "monitoring.logging.events=false",
				"monitoring.alerts.evaluation-interval=100ms",
				"monitoring.alerts.email.smtp-host=127.0.0.1", "monitoring.alerts.email.starttls=false",
				"monitoring.alerts.email.username=alerts@example.org",
				"monitoring.alerts.email.password=" + AgentAlertingHttpTests.PASSWORD,
				"monitoring.alerts.email.recipients=oncall@example.org", "spring.application.name=alerting-test",
				// Spring AI's OpenAI and Anthropic clients are on the test class path for the bridge tests
				"spring.ai.openai.api-key=unused", "spring.ai.anthropic.api-key=unused",
				// Spring Boot 3.5's tests leave metrics export (the Prometheus endpoint) off unless told
				"spring.test.observability.auto-configure=true",
				// and with it every registry on the class path: StatsD, for the StatsD test, would send
				// to a port where nothing listens, on its own threads, for nothing this test reads
				"management.statsd.metrics.export.enabled=false" })
class AgentAlertingHttpTests {

	static final String SECRET = "whsec_c2VjcmV0LWtleS1vZi0zMi1ieXRlcy0xMjM0NTY=";

	static final String PASSWORD = "smtp-pa55word-xyz";

	private static final MockWebServer webhook = new MockWebServer();

	private static final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@LocalServerPort
	private int port;

	@Autowired
	private AgentObservations observations;

	@DynamicPropertySource
	static void receivers(DynamicPropertyRegistry registry) throws IOException {
		webhook.start(InetAddress.getLoopbackAddress(), 0);
		for (int i = 0; i < 10; i++) {
			webhook.enqueue(new MockResponse.Builder().code(200).build());
		}
		smtp.start();
		smtp.setUser("alerts@example.org", "alerts@example.org", PASSWORD);
		// A list binds from one property source: every key of the webhook goes here
		registry.add("monitoring.alerts.webhooks[0].url", () -> webhook.url("/alerts").toString());
		registry.add("monitoring.alerts.webhooks[0].format", () -> "alertmanager");
		registry.add("monitoring.alerts.webhooks[0].secret", () -> SECRET);
		registry.add("monitoring.alerts.webhooks[0].headers.Authorization", () -> "Bearer header-token-123");
		registry.add("monitoring.alerts.email.smtp-port", () -> smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stopReceivers() {
		webhook.close();
		smtp.stop();
	}

	@Test
	void failingRunsFireAnAlertEverywhereItShouldAppear() throws Exception {
		for (int i = 0; i < 20; i++) {
			this.observations.record(AgentOperation.agentRun("research-agent")
				.duration(Duration.ofMillis(300))
				.error(new IllegalStateException("model gpt-4o timed out"))
				.build());
		}
		RecordedRequest request = webhook.takeRequest(20, TimeUnit.SECONDS);
		assertThat(request).as("webhook request").isNotNull();
		String body = request.getBody().utf8();
		assertThat(JsonPath.<String>read(body, "$.alerts[0].labels.alertname")).isIn("HighAgentErrorRate",
				"AgentFailureSpike");
		assertThat(JsonPath.<String>read(body, "$.alerts[0].labels.service")).isEqualTo("alerting-test");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer header-token-123");
		assertThat(request.getHeaders().get("webhook-signature")).isEqualTo(
				sign(request.getHeaders().get("webhook-id"), request.getHeaders().get("webhook-timestamp"), body));

		await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length >= 2);
		// The evaluator may run while the 20 failures are being recorded: the spike fires at the
		// count it sees then, anything past the threshold of 10
		assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject)
			.contains("[FIRING] HighAgentErrorRate: research-agent 100% > 10%")
			.anySatisfy((subject) -> assertThat(subject)
				.matches("\\[FIRING\\] AgentFailureSpike: research-agent (1[1-9]|20) > 10"));

		String alerts = LoopbackHttp.get(this.port, "/actuator/agentalerts").body();
		assertThat(JsonPath.<java.util.List<String>>read(alerts, "$.firing[*].name"))
			.containsExactlyInAnyOrder("HighAgentErrorRate", "AgentFailureSpike");
		assertThat(JsonPath.<Double>read(alerts, "$.thresholds.errorRate")).isEqualTo(0.1);

		String health = LoopbackHttp.get(this.port, "/actuator/health/agents").body();
		assertThat(JsonPath.<java.util.List<String>>read(health, "$.details.alerts[*].name"))
			.containsExactlyInAnyOrder("HighAgentErrorRate", "AgentFailureSpike");

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(LoopbackHttp.get(this.port, "/actuator/prometheus").body())
				.contains("agent_alerts_firing{alertname=\"HighAgentErrorRate\",severity=\"critical\"} 1")
				.contains("agent_alert_notifications_total{channel=\"email\",outcome=\"sent\",receiver=\"email\"} 2")
				.contains("agent_alert_notifications_total{channel=\"webhook\",outcome=\"sent\",receiver=\"webhook-0\"} 2"));
	}

	@Test
	void rulesAreAPrometheusRuleInYaml() throws Exception {
		HttpResponse<String> rules = LoopbackHttp.get(this.port, "/actuator/agentalerts/rules");
		assertThat(rules.statusCode()).isEqualTo(200);
		assertThat(rules.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/yaml"));
		Map<String, Object> document = new Yaml().load(rules.body());
		assertThat(document).containsEntry("kind", "PrometheusRule");
		assertThat(LoopbackHttp.get(this.port, "/actuator/agentalerts/other").statusCode()).isEqualTo(404);
	}

	@Test
	void secretsAreMaskedEvenWhenValuesAreShown() throws Exception {
		for (String endpoint : new String[] { "/actuator/configprops", "/actuator/env" }) {
			String body = LoopbackHttp.get(this.port, endpoint).body();
			assertThat(body).as(endpoint)
				.contains("monitoring.alerts")
				.doesNotContain(PASSWORD)
				.doesNotContain(SECRET)
				.doesNotContain("c2VjcmV0LWtleS1vZi0zMi1ieXRlcy0xMjM0NTY")
				.doesNotContain("header-token-123")
				.doesNotContain("/alerts\"")
				.contains("******");
		}
		assertThat(LoopbackHttp.get(this.port, "/actuator/env").body()).contains("oncall@example.org");
	}

	private static String sign(String id, String timestamp, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
		return "v1," + Base64.getEncoder()
			.encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
