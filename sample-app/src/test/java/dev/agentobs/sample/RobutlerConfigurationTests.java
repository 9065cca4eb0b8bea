package dev.agentobs.sample;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Robutler's monitoring configuration pasted as its page has it
 * ({@code robutler-monitoring.yml}: the reference, the webhook and the e-mail blocks, only
 * the hosts changed for receivers on loopback) starts the sample, and each key does what the
 * page says: alerts mailed and posted to both webhooks, the Prometheus scrape on
 * {@code /metrics}, the health on {@code /health} and {@code /health/detailed}, a JSON
 * console, no span sent with {@code tracing.enabled: false} (and spans sent to Jaeger's OTLP
 * receiver with {@code true}), the SMTP password shown nowhere.
 */
@ExtendWith(OutputCaptureExtension.class)
class RobutlerConfigurationTests {

	private static final String PASSWORD = "your-app-password";

	private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private final Queue<Request> received = new ConcurrentLinkedQueue<>();

	private final HttpClient client = HttpClient.newHttpClient();

	private HttpServer receiver;

	@BeforeEach
	void startReceivers() throws IOException {
		// A context another test class keeps in its cache leaves Logback configured, with its
		// format: start this application's logging afresh, as a process of its own would
		LoggingSystem.get(getClass().getClassLoader()).cleanUp();
		this.smtp.start();
		this.smtp.setUser("alerts@yourcompany.com", "alerts@yourcompany.com", PASSWORD);
		// The webhooks and Jaeger's OTLP receiver, told apart by path
		this.receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.receiver.createContext("/", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				this.received.add(new Request(exchange.getRequestURI().getPath(), body.readAllBytes()));
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceivers() {
		this.receiver.stop(0);
		this.smtp.stop();
	}

	@Test
	void pastedConfigurationAlertsServesTheExtraPathsLogsJsonAndSendsNoSpan(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start("--sample.llm.failure-rate=1", "--sample.traffic.rate=20")) {
			String port = context.getEnvironment().getProperty("local.server.port");

			await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
				assertThat(paths("/snippet")).anySatisfy((body) -> assertThat(body).contains("HighAgentErrorRate"));
				assertThat(paths("/reference")).anySatisfy((body) -> assertThat(body).contains("HighAgentErrorRate"));
				assertThat(this.smtp.getReceivedMessages()).isNotEmpty();
			});
			MimeMessage mail = this.smtp.getReceivedMessages()[0];
			assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
				.containsExactly("admin@yourcompany.com");
			assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("alerts@yourcompany.com");
			assertThat(mail.getSubject()).startsWith("[FIRING]");

			HttpResponse<String> metrics = get(port, "/metrics");
			assertThat(metrics.statusCode()).isEqualTo(200);
			assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("text/plain"));
			assertThat(metrics.body()).contains("# TYPE gen_ai_invoke_agent_duration_seconds histogram")
				.contains("application=\"robutler\"");
			assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(200);

			HttpResponse<String> health = get(port, "/health");
			assertThat(health.statusCode()).isIn(200, 503);
			assertThat(JsonPath.<String>read(health.body(), "$.status")).isEqualTo("DOWN");
			assertThat(JsonPath.<Map<String, Object>>read(health.body(), "$.components")).containsKeys("agents",
					"diskSpace");

			HttpResponse<String> detailed = get(port, "/health/detailed");
			assertThat(detailed.statusCode()).isEqualTo(503);
			assertThat(JsonPath.<Map<String, Object>>read(detailed.body(), "$.components")).containsOnlyKeys("agents");
			assertThat(JsonPath.<Integer>read(detailed.body(), "$.components.agents.details.requests"))
				.isGreaterThanOrEqualTo(10);
			assertThat(JsonPath.<String>read(detailed.body(), "$.components.agents.details.reason"))
				.contains("error rate");
			assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(503);

			// Spring Boot's own properties, of the lowest precedence
			assertThat(context.getEnvironment().getProperty("management.statsd.metrics.export.step")).isEqualTo("PT10S");
			assertThat(context.getEnvironment().getProperty("logging.structured.format.console")).isEqualTo("ecs");
			assertThat(context.getEnvironment().getProperty("logging.level.root")).isEqualTo("INFO");
			// The sample's own name wins over tracing.service_name, which names the spans and metrics
			assertThat(context.getEnvironment().getProperty("spring.application.name")).isEqualTo("research-assistant");

			String env = get(port, "/actuator/env").body();
			String configprops = get(port, "/actuator/configprops").body();
			assertThat(env).contains("monitoring.email.password").contains("monitoring.alerts.email.password");
			assertThat(configprops).contains("\"password\":\"******\"");
			assertThat(env + configprops).doesNotContain(PASSWORD);
		}
		// Closing the context flushes what the span processor holds: nothing may go out
		assertThat(paths("/v1/traces")).isEmpty();
		assertThat(paths("/api/traces")).isEmpty();

		List<String> lines = output.getOut().lines().filter((line) -> !line.isBlank()).toList();
		assertThat(lines).filteredOn((line) -> line.contains("\"message\":\"Started ")).singleElement()
			.satisfies((line) -> assertThat(JsonPath.<String>read(line, "$.log.level")).isEqualTo("INFO"));
		assertThat(lines).filteredOn((line) -> line.contains("Accepted with no effect")).singleElement()
			.satisfies((line) -> assertThat(JsonPath.<String>read(line, "$.message"))
				.contains("monitoring.logging.output=stdout"));
		assertThat(lines).filteredOn((line) -> line.contains("Spans are not exported")).singleElement()
			.satisfies((line) -> assertThat(JsonPath.<String>read(line, "$.message"))
				.contains("http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/v1/traces"));
		assertThat(lines).filteredOn((line) -> line.startsWith("{")).hasSizeGreaterThan(10);
		assertThat(output.getAll()).doesNotContain(PASSWORD);
	}

	@Test
	void tracingEnabledSendsSpansToJaegersOtlpReceiverUnderTheServiceName(CapturedOutput output) throws Exception {
		String otlp = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/v1/traces";
		try (ConfigurableApplicationContext context = start("--monitoring.tracing.enabled=true",
				"--sample.llm.failure-rate=0", "--sample.traffic.rate=0")) {
			String port = context.getEnvironment().getProperty("local.server.port");
			HttpResponse<String> answer = this.client.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/research"))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"What is 17 * 23?\"}"))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).isEqualTo(200);
		}
		assertThat(paths("/v1/traces")).isNotEmpty()
			.anySatisfy((body) -> assertThat(body).contains("robutler").contains("invoke_agent research-agent"));
		assertThat(output.getOut()).contains("Spans are exported over OTLP to " + otlp);
	}

	private ConfigurableApplicationContext start(String... args) {
		int port = this.receiver.getAddress().getPort();
		List<String> arguments = new ArrayList<>(List.of(
				"--spring.config.additional-location=classpath:robutler-monitoring.yml",
				"--loopback.smtp-port=" + this.smtp.getSmtp().getPort(), "--loopback.webhook-port=" + port,
				"--loopback.jaeger-port=" + port, "--server.port=0", "--server.address=127.0.0.1",
				"--sample.llm.latency=0ms",
				// Judged each second rather than every 15, so that the alerts come within seconds
				"--monitoring.alerts.evaluation-interval=1s",
				// GreenMail speaks plain SMTP on loopback
				"--monitoring.alerts.email.starttls=false", "--management.endpoints.web.exposure.include=*",
				"--management.endpoint.env.show-values=always", "--management.endpoint.configprops.show-values=always"));
		arguments.addAll(List.of(args));
		return new SpringApplicationBuilder(SampleApplication.class).run(arguments.toArray(String[]::new));
	}

	private List<String> paths(String path) {
		return this.received.stream()
			.filter((request) -> request.path().equals(path))
			.map((request) -> new String(request.body(), StandardCharsets.ISO_8859_1))
			.toList();
	}

	private HttpResponse<String> get(String port, String path) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private record Request(String path, byte[] body) {

	}

}
