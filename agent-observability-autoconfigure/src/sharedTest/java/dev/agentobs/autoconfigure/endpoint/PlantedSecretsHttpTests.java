package dev.agentobs.autoconfigure.endpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.LoopbackHttp;
import dev.agentobs.operation.AgentOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plants every kind of secret in a running application, the way a careless operator or a
 * failing provider would, and looks for each in the output of every actuator endpoint (each
 * link of {@code /actuator}, templated ones filled in), in the bodies of the alerts sent and in
 * the logs: none may be found. The values are shown, as operators turn them on, with
 * {@code show-values: always}.
 * <p>
 * {@code /actuator/heapdump} is left out: it is the process's memory, which holds every secret
 * the application uses, and no sanitizer applies to it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		args = "--monitoring.alerts.webhooks[0].headers[X-Api-Key]=" + PlantedSecretsHttpTests.COMMAND_LINE_KEY,
		properties = { "management.endpoints.web.exposure.include=*", "management.endpoint.health.show-details=always",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
				"monitoring.alerts.evaluation-interval=100ms", "monitoring.alerts.email.smtp-host=127.0.0.1",
				"monitoring.alerts.email.starttls=false", "monitoring.alerts.email.username=alerts@example.org",
				"monitoring.alerts.email.password=" + PlantedSecretsHttpTests.SMTP_PASSWORD,
				"monitoring.alerts.email.recipients=oncall@example.org",
				// What the JVM puts in sun.java.command for the arguments above, and the JSON an
				// operator gives in the environment: as test properties, since a test cannot set
				// either for the JVM without touching every other test that runs in it
				"sun.java.command=agent-service.jar --monitoring.alerts.webhooks[0].headers[X-Api-Key]="
						+ PlantedSecretsHttpTests.COMMAND_LINE_KEY + " --server.port=0",
				"SPRING_APPLICATION_JSON={\"monitoring\":{\"alerts\":{\"email\":{\"password\":\""
						+ PlantedSecretsHttpTests.JSON_PASSWORD + "\"}}}}",
				"spring.application.name=planted-secrets",
				// Spring AI's OpenAI and Anthropic clients are on the test class path for the bridge tests
				"spring.ai.openai.api-key=unused", "spring.ai.anthropic.api-key=unused",
				// Spring Boot 3.5's tests leave metrics export (the Prometheus endpoint) off unless told
				"spring.test.observability.auto-configure=true",
				// and with it every registry on the class path: StatsD, for the StatsD test, would send
				// to a port where nothing listens, on its own threads, for nothing this test reads
				"management.statsd.metrics.export.enabled=false" })
@ExtendWith(OutputCaptureExtension.class)
class PlantedSecretsHttpTests {

	static final String WEBHOOK_SECRET = "whsec_cGxhbnRlZC13ZWJob29rLXNpZ25pbmcta2V5LTMyYg==";

	static final String HEADER_TOKEN = "hdrTok-7Qm2xVb9LpW4";

	static final String SMTP_PASSWORD = "smtpPw-Kd83nQz1";

	static final String SLACK_PATH_SECRET = "SlkPath5cR3tVw8Yt";

	static final String COMMAND_LINE_KEY = "cliKey-Zx41Rt7p";

	static final String JSON_PASSWORD = "jsonPw-Hq62Lm0v";

	static final String MESSAGE_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkLW1zZyJ9.bXNnLXNpZ25hdHVyZS1wbGFudGVk";

	static final String MESSAGE_AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYMSGPLANTED1";

	static final String MESSAGE_AWS_KEY_ID = "AKIAPLANTEDMSG12345A";

	static final String MESSAGE_SLACK_SECRET = "MsgSlk9Hq2Wn5Rt";

	static final String TYPE_BEARER = "typTok-Rv5Wq8Zm3Np1Lx";

	static final String TYPE_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkLXR5cGUifQ.dHlwZS1zaWduYXR1cmUtcGxhbnRlZA";

	static final String TYPE_AWS_SECRET = "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7d";

	/** Each planted secret, by where it was planted. */
	private static final Map<String, String> PLANTED = planted();

	private static final HttpServer webhook = webhookReceiver();

	private static final List<String> webhookBodies = new CopyOnWriteArrayList<>();

	private static final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@LocalServerPort
	private int port;

	@Autowired
	private AgentObservations observations;

	private static Map<String, String> planted() {
		Map<String, String> planted = new LinkedHashMap<>();
		planted.put("webhook secret", WEBHOOK_SECRET);
		planted.put("webhook header value", HEADER_TOKEN);
		planted.put("SMTP password", SMTP_PASSWORD);
		planted.put("Slack URL path secret", SLACK_PATH_SECRET);
		planted.put("command-line header secret", COMMAND_LINE_KEY);
		planted.put("SPRING_APPLICATION_JSON password", JSON_PASSWORD);
		planted.put("JWT in an exception message", MESSAGE_JWT);
		planted.put("AWS secret key in an exception message", MESSAGE_AWS_SECRET);
		planted.put("AWS access key id in an exception message", MESSAGE_AWS_KEY_ID);
		planted.put("Slack URL path in an exception message", MESSAGE_SLACK_SECRET);
		planted.put("bearer token in errorType", TYPE_BEARER);
		planted.put("JWT in errorType", TYPE_JWT);
		planted.put("AWS secret key in errorType", TYPE_AWS_SECRET);
		return planted;
	}

	// A receiver that always fails: the failure is logged, and must not show the URL's path
	private static HttpServer webhookReceiver() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/", (exchange) -> {
				webhookBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				exchange.sendResponseHeaders(500, -1);
				exchange.close();
			});
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void receivers(DynamicPropertyRegistry registry) {
		webhook.start();
		smtp.start();
		smtp.setUser("alerts@example.org", "alerts@example.org", SMTP_PASSWORD);
		// A list binds from one property source: every key of the bound webhook goes here
		registry.add("monitoring.alerts.webhooks[0].url", () -> "http://127.0.0.1:" + webhook.getAddress().getPort()
				+ "/services/T0AAA1111/B0BBB2222/" + SLACK_PATH_SECRET);
		registry.add("monitoring.alerts.webhooks[0].format", () -> "slack");
		registry.add("monitoring.alerts.webhooks[0].secret", () -> WEBHOOK_SECRET);
		registry.add("monitoring.alerts.webhooks[0].headers.Authorization", () -> "Bearer " + HEADER_TOKEN);
		registry.add("monitoring.alerts.webhooks[0].max-attempts", () -> "1");
		registry.add("monitoring.alerts.email.smtp-port", () -> smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stopReceivers() {
		webhook.stop(0);
		smtp.stop();
	}

	@Test
	void noPlantedSecretIsFoundInAnyEndpointAlertOrLog(CapturedOutput output) {
		failWithSecrets();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !webhookBodies.isEmpty() && smtp.getReceivedMessages().length > 0);
		Map<String, String> outputs = new LinkedHashMap<>(endpointOutputs());
		webhookBodies.forEach((body) -> outputs.put("webhook body " + outputs.size(), body));
		for (MimeMessage message : smtp.getReceivedMessages()) {
			outputs.put("e-mail " + outputs.size(), GreenMailUtil.getWholeMessage(message));
		}
		outputs.put("logs", output.toString());

		Map<String, Integer> found = new LinkedHashMap<>();
		List<String> where = new ArrayList<>();
		PLANTED.forEach((label, secret) -> {
			int count = 0;
			for (Map.Entry<String, String> searched : outputs.entrySet()) {
				int inOutput = occurrences(searched.getValue(), secret);
				if (inOutput > 0) {
					where.add(label + " in " + searched.getKey() + ": " + inOutput);
				}
				count += inOutput;
			}
			found.put(label, count);
		});
		StringBuilder table = new StringBuilder("Secrets planted vs found, in ").append(outputs.size())
			.append(" outputs (").append(outputs.keySet()).append("):\n");
		found.forEach((label, count) -> table.append("  ").append(label).append(": found ").append(count).append('\n'));
		System.out.print(table);
		assertThat(where).as("planted secrets found").isEmpty();

		// The secrets were planted: their keys, failures and redacted forms are there to be seen
		assertThat(outputs.get("/actuator/env")).contains("monitoring.alerts.webhooks[0].headers[X-Api-Key]",
				"sun.java.command", "SPRING_APPLICATION_JSON", "monitoring.alerts.email.password", "******",
				"http://127.0.0.1:" + webhook.getAddress().getPort() + "/<sha256:");
		assertThat(outputs.get("/actuator/prometheus")).contains("error_type=\"_REDACTED\"");
		assertThat(outputs.get("/actuator/agents")).contains("Bearer ****", "hooks.slack.com/<sha256:");
	}

	private void failWithSecrets() {
		for (int i = 0; i < 20; i++) {
			this.observations.record(AgentOperation.agentRun("research-agent")
				.duration(Duration.ofMillis(300))
				.error(new IllegalStateException("upstream 401 for Authorization: Bearer " + MESSAGE_JWT
						+ "; signature of " + MESSAGE_AWS_SECRET + " by " + MESSAGE_AWS_KEY_ID
						+ " rejected; reported to https://hooks.slack.com/services/T0CCC3333/B0DDD4444/"
						+ MESSAGE_SLACK_SECRET))
				.build());
		}
		this.observations.agent("research-agent").observe(() -> {
			this.observations.tool("web_search").errorType("Bearer " + TYPE_BEARER).observe(() -> "refused");
			this.observations.model("openai", "gpt-4o").errorType(TYPE_JWT).observe((call) -> "refused");
			this.observations.tool("s3_upload").errorType(TYPE_AWS_SECRET).observe(() -> "refused");
		});
	}

	/**
	 * The body of every link of {@code /actuator}, templated links filled in with every value
	 * that shows something: each metric, each property of interest, each agent.
	 */
	private Map<String, String> endpointOutputs() {
		Map<String, String> outputs = new LinkedHashMap<>();
		String index = get("/actuator", null);
		outputs.put("/actuator", index);
		Map<String, Map<String, Object>> links = JsonPath.read(index, "$._links");
		Set<String> unknownTemplates = new TreeSet<>();
		links.forEach((name, link) -> {
			String href = (String) link.get("href");
			String path = href.substring(href.indexOf("/actuator"));
			if (name.equals("heapdump")) {
				return;
			}
			if (!Boolean.TRUE.equals(link.get("templated"))) {
				outputs.put(path, get(path, null));
				if (name.startsWith("agents")) {
					outputs.put(path + " (Markdown)", get(path, "text/markdown"));
				}
				return;
			}
			List<String> values = templateValues(name, outputs);
			if (values.isEmpty()) {
				unknownTemplates.add(name + " " + path);
			}
			for (String value : values) {
				String filled = path.replaceFirst("\\{[^}]+}", URLEncoder.encode(value, StandardCharsets.UTF_8));
				outputs.put(filled, get(filled, null));
				if (name.startsWith("agents")) {
					outputs.put(filled + " (Markdown)", get(filled, "text/markdown"));
				}
			}
		});
		assertThat(unknownTemplates).as("links with a template this test does not fill").isEmpty();
		return outputs;
	}

	private List<String> templateValues(String link, Map<String, String> outputs) {
		return switch (link) {
			case "metrics-requiredMetricName" -> JsonPath.read(get("/actuator/metrics", null), "$.names");
			case "env-toMatch" -> List.of("sun.java.command", "SPRING_APPLICATION_JSON",
					"monitoring.alerts.webhooks[0].headers[X-Api-Key]", "monitoring.alerts.webhooks[0].url",
					"monitoring.alerts.webhooks[0].secret", "monitoring.alerts.webhooks[0].headers.Authorization",
					"monitoring.alerts.email.password");
			case "configprops-prefix" -> List.of("monitoring");
			case "health-path" -> List.of("agents");
			case "agents-agent" -> List.of("research-agent");
			case "agentalerts-name" -> List.of("rules");
			case "loggers-name" -> List.of("dev.agentobs");
			case "caches-cache" -> List.of("none");
			case "sbom-id" -> List.of("application");
			case "agentruns-runId" -> JsonPath.read(get("/actuator/agentruns", null), "$.runs[*].runId");
			case "agentdashboard-name" -> List.of("dashboard.css", "dashboard.js");
			default -> List.of();
		};
	}

	private String get(String path, @Nullable String accept) {
		return LoopbackHttp.get(this.port, path, accept).body();
	}

	private static int occurrences(String text, String secret) {
		int count = 0;
		for (int found = text.indexOf(secret); found >= 0; found = text.indexOf(secret, found + 1)) {
			count++;
		}
		return count;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
