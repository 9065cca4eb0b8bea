package dev.agentobs.internal.alert;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.agentobs.alert.Alert;
import dev.agentobs.alert.AlertCategory;
import dev.agentobs.alert.AlertRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WebhookNotifier} against a real HTTP server on loopback.
 */
class WebhookNotifierTests {

	private static final JsonEncoder JSON = JsonMapper.shared()::writeValueAsString;

	private static final String SECRET = "whsec_" + Base64.getEncoder()
		.encodeToString("a-secret-of-thirty-two-bytes-123".getBytes(StandardCharsets.US_ASCII));

	private final MockWebServer server = new MockWebServer();

	@BeforeEach
	void start() throws Exception {
		this.server.start(InetAddress.getLoopbackAddress(), 0);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void alertmanagerFormatIsTheVersion4Payload() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		notifier(WebhookFormat.ALERTMANAGER, null, 1).send(Alerts.firingErrorRate());
		DocumentContext json = JsonPath.parse(body(take()));
		assertThat(json.read("$.version", String.class)).isEqualTo("4");
		assertThat(json.read("$.status", String.class)).isEqualTo("firing");
		assertThat(json.read("$.groupLabels.alertname", String.class)).isEqualTo("HighAgentErrorRate");
		assertThat(json.read("$.alerts[0].labels.alertname", String.class)).isEqualTo("HighAgentErrorRate");
		assertThat(json.read("$.alerts[0].labels.severity", String.class)).isEqualTo("critical");
		assertThat(json.read("$.alerts[0].labels.gen_ai_agent_name", String.class)).isEqualTo("research-agent");
		assertThat(json.read("$.alerts[0].annotations.summary", String.class)).isEqualTo("research-agent 34% > 10%");
		assertThat(json.read("$.alerts[0].startsAt", String.class)).isEqualTo("2026-11-21T10:15:30Z");
		assertThat(json.read("$.alerts[0].endsAt", String.class)).isEqualTo("0001-01-01T00:00:00Z");
		assertThat(json.read("$.alerts[0].fingerprint", String.class)).hasSize(16);
	}

	@Test
	void alertmanagerFormatOfAResolvedAlertHasItsEnd() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		notifier(WebhookFormat.ALERTMANAGER, null, 1).send(Alerts.resolvedErrorRate());
		DocumentContext json = JsonPath.parse(body(take()));
		assertThat(json.read("$.status", String.class)).isEqualTo("resolved");
		assertThat(json.read("$.alerts[0].endsAt", String.class)).isEqualTo("2026-11-21T10:20:30Z");
	}

	@Test
	void jsonFormatCarriesEveryField() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(204).build());
		notifier(WebhookFormat.JSON, null, 1).send(Alerts.firingErrorRate());
		DocumentContext json = JsonPath.parse(body(take()));
		assertThat(json.read("$.version", String.class)).isEqualTo("1");
		assertThat(json.read("$.service", String.class)).isEqualTo("sample-app");
		assertThat(json.read("$.alert.name", String.class)).isEqualTo("HighAgentErrorRate");
		assertThat(json.read("$.alert.category", String.class)).isEqualTo("error");
		assertThat(json.read("$.alert.value", Double.class)).isEqualTo(0.34);
		assertThat(json.read("$.alert.threshold", Double.class)).isEqualTo(0.1);
		assertThat(json.read("$.alert.endsAt", String.class)).isNull();
		assertThat(json.read("$.alert.recentErrors[0]", String.class)).contains("timed out after 30s");
	}

	@Test
	void slackFormatIsAText() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		notifier(WebhookFormat.SLACK, null, 1).send(Alerts.dailyCost());
		DocumentContext json = JsonPath.parse(body(take()));
		assertThat(json.read("$.text", String.class))
			.startsWith("[FIRING] AgentDailyCostBudget: all agents $12.50 > $10.00\n");
	}

	@Test
	void alertmanagerBodyIsExactlyTheDocumentedPayload() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		notifier(WebhookFormat.ALERTMANAGER, null, 1).send(Alerts.firingErrorRate());
		assertThat(body(take())).isEqualTo("{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"HighAgentErrorRate\\\"}\",\"truncatedAlerts\":0,\"sta"
				+ "tus\":\"firing\",\"receiver\":\"agent-observability\",\"groupLabels\":{\"alertname\":\"HighAgentErrorR"
				+ "ate\"},\"commonLabels\":{\"alertname\":\"HighAgentErrorRate\",\"severity\":\"critical\",\"category\":\"e"
				+ "rror\",\"gen_ai_agent_name\":\"research-agent\",\"service\":\"sample-app\"},\"commonAnnotations\":{\"s"
				+ "ummary\":\"research-agent 34% > 10%\",\"description\":\"The share of failed agent runs in the wi"
				+ "ndow is above the threshold.\",\"value\":\"0.34\",\"threshold\":\"0.1\"},\"externalURL\":\"\",\"alerts\":"
				+ "[{\"status\":\"firing\",\"labels\":{\"alertname\":\"HighAgentErrorRate\",\"severity\":\"critical\",\"cate"
				+ "gory\":\"error\",\"gen_ai_agent_name\":\"research-agent\",\"service\":\"sample-app\"},\"annotations\":{"
				+ "\"summary\":\"research-agent 34% > 10%\",\"description\":\"The share of failed agent runs in the "
				+ "window is above the threshold.\",\"value\":\"0.34\",\"threshold\":\"0.1\"},\"startsAt\":\"2026-11-21T1"
				+ "0:15:30Z\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"\",\"fingerprint\":\"d4989234a95dda7"
				+ "f\"}]}");
	}

	@Test
	void jsonBodyOfABudgetHasANullAgentAndWholeNumbersWithoutAFraction() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		notifier(WebhookFormat.JSON, null, 1).send(Alerts.dailyCost());
		assertThat(body(take())).isEqualTo("{\"version\":\"1\",\"service\":\"sample-app\",\"status\":\"firing\",\"alert\":{\"name\":\"AgentDailyCostBud"
				+ "get\",\"severity\":\"critical\",\"category\":\"budget\",\"agent\":null,\"value\":12.5,\"threshold\":10,\"su"
				+ "mmary\":\"all agents $12.50 > $10.00\",\"description\":\"Today's model cost is above the daily b"
				+ "udget.\",\"startsAt\":\"2026-11-21T10:15:30Z\",\"endsAt\":null,\"recentErrors\":[],\"note\":null,"
				+ "\"runbookUrl\":null}}");
	}

	@Test
	void everyFormatCarriesTheAlertsRunbook() throws Exception {
		RunbookLinks runbooks = new RunbookLinks(URI.create("https://runbooks.example.com/agents/"));
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(new MockResponse.Builder().code(200).build());
		}
		String url = "https://runbooks.example.com/agents/agentdailycostbudget";
		notifier(WebhookFormat.ALERTMANAGER, runbooks).send(Alerts.dailyCost());
		assertThat(JsonPath.parse(body(take())).read("$.alerts[0].annotations.runbook_url", String.class))
			.isEqualTo(url);
		notifier(WebhookFormat.JSON, runbooks).send(Alerts.dailyCost());
		assertThat(JsonPath.parse(body(take())).read("$.alert.runbookUrl", String.class)).isEqualTo(url);
		notifier(WebhookFormat.SLACK, runbooks).send(Alerts.dailyCost());
		assertThat(JsonPath.parse(body(take())).read("$.text", String.class)).endsWith("\nRunbook: " + url);
	}

	@Test
	void slackBodyIsOneTextMember() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		notifier(WebhookFormat.SLACK, null, 1).send(Alerts.dailyCost());
		assertThat(body(take())).isEqualTo("{\"text\":\"[FIRING] AgentDailyCostBudget: all agents $12.50 > $10.00\\nToday's model cost is "
				+ "above the daily budget. (sample-app)\"}");
	}

	@Test
	void signatureCoversTheExactBytesTheEncoderWrote() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		JsonEncoder indenting = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()::writeValueAsString;
		Alert alert = new Alert(AlertRule.HIGH_ERROR_RATE, "agent-\u00e9t\u00e9-\u20ac", Alert.Status.FIRING, 0.34, 0.10,
				Alerts.STARTED, null, List.of());
		new WebhookNotifier(URI.create(this.server.url("/hook").toString()), WebhookFormat.JSON, indenting, Set.of(),
				new WebhookSigner(SECRET), Duration.ofSeconds(5), 1, Duration.ofMillis(100), Map.of(), "sample-app", RunbookLinks.NONE)
			.send(alert);
		RecordedRequest request = take();
		byte[] sent = request.getBody().toByteArray();
		assertThat(new String(sent, StandardCharsets.UTF_8)).contains("\n  \"version\"", "agent-\u00e9t\u00e9-\u20ac");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
		mac.update((request.getHeaders().get("webhook-id") + "." + request.getHeaders().get("webhook-timestamp") + ".")
			.getBytes(StandardCharsets.UTF_8));
		assertThat(request.getHeaders().get("webhook-signature"))
			.isEqualTo("v1," + Base64.getEncoder().encodeToString(mac.doFinal(sent)));
	}

	@Test
	void signatureVerifiesAgainstAnIndependentComputation() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		notifier(WebhookFormat.JSON, new WebhookSigner(SECRET), 1).send(Alerts.firingErrorRate());
		RecordedRequest request = take();
		String id = request.getHeaders().get("webhook-id");
		String timestamp = request.getHeaders().get("webhook-timestamp");
		assertThat(id).startsWith("msg_");
		assertThat(Long.parseLong(timestamp)).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
		String expected = Base64.getEncoder()
			.encodeToString(mac.doFinal((id + "." + timestamp + "." + body(request)).getBytes(StandardCharsets.UTF_8)));
		assertThat(request.getHeaders().get("webhook-signature")).isEqualTo("v1," + expected);
	}

	@Test
	void extraHeadersAreSent() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		new WebhookNotifier(URI.create(this.server.url("/hook").toString()), WebhookFormat.JSON, JSON, Set.of(), null,
				Duration.ofSeconds(2), 1, Duration.ofMillis(10), Map.of("Authorization", "Bearer t0ken"), "sample-app", RunbookLinks.NONE)
			.send(Alerts.firingErrorRate());
		assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer t0ken");
	}

	@Test
	void serverErrorsAreRetriedUntilAccepted() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(503).build());
		this.server.enqueue(new MockResponse.Builder().code(502).build());
		this.server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		notifier(WebhookFormat.JSON, null, 4).send(Alerts.firingErrorRate());
		assertThat(this.server.getRequestCount()).isEqualTo(4);
	}

	@Test
	void attemptsStopAtMaxAttempts() {
		for (int i = 0; i < 5; i++) {
			this.server.enqueue(new MockResponse.Builder().code(503).build());
		}
		assertThatIOException().isThrownBy(() -> notifier(WebhookFormat.JSON, null, 3).send(Alerts.firingErrorRate()))
			.withMessageContaining("answered 503 to all 3 attempts");
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void clientErrorsAreNotRetried() {
		this.server.enqueue(new MockResponse.Builder().code(400).build());
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		assertThatIOException().isThrownBy(() -> notifier(WebhookFormat.JSON, null, 4).send(Alerts.firingErrorRate()))
			.withMessageContaining("answered 400; a client error is not retried");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void backoffDoublesWithJitterWithinBounds() {
		WebhookNotifier notifier = notifier(WebhookFormat.JSON, null, 4);
		for (int i = 0; i < 50; i++) {
			assertThat(notifier.backoff(1).toMillis()).isBetween(50L, 100L);
			assertThat(notifier.backoff(2).toMillis()).isBetween(100L, 200L);
			assertThat(notifier.backoff(3).toMillis()).isBetween(200L, 400L);
		}
	}

	@Test
	void receiverNameHidesEverythingAfterTheHost() {
		WebhookNotifier notifier = new WebhookNotifier(URI.create("https://user:pw@hooks.example.com/agents?token=abc"),
				WebhookFormat.JSON, JSON, Set.of(), null, Duration.ofSeconds(1), 1, Duration.ofMillis(1), Map.of(), "s", RunbookLinks.NONE);
		assertThat(notifier.receiver()).startsWith("https://hooks.example.com/<sha256:")
			.doesNotContain("user", "pw", "agents", "token", "abc");
	}

	@Test
	void eventsFilterTheCategoriesAWebhookWants() {
		WebhookNotifier budgetsOnly = new WebhookNotifier(URI.create(this.server.url("/").toString()),
				WebhookFormat.JSON, JSON, Set.of(AlertCategory.BUDGET), null, Duration.ofSeconds(1), 1, Duration.ofMillis(1),
				Map.of(), "s", RunbookLinks.NONE);
		assertThat(budgetsOnly.accepts(Alerts.dailyCost())).isTrue();
		assertThat(budgetsOnly.accepts(Alerts.firingErrorRate())).isFalse();
	}

	@Test
	void urlMustBeHttpOrHttps() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookNotifier(URI.create("ftp://example.com/hook"), WebhookFormat.JSON, JSON, Set.of(),
					null, Duration.ofSeconds(1), 1, Duration.ofMillis(1), Map.of(), "s", RunbookLinks.NONE))
			.withMessage("url must be an http or https URL such as https://hooks.example.com/agents, "
					+ "was ftp://example.com/hook");
	}

	@Test
	void secretMustBeBase64AndIsNotEchoed() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSigner("whsec_not base64!"))
			.withMessageStartingWith("secret must be 'whsec_' followed by the base64 of 24 or more random bytes")
			.withMessageEndingWith("was no base64 (17 characters)")
			.withMessageNotContaining("not base64!")
			.withNoCause();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "whsec_YWJj, YWJj, 3 bytes", "abc, abc, 2 bytes", "whsec_YQ==, YQ==, 1 byte",
			"whsec_MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=, MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=, 23 bytes" })
	void secretShorterThanTheStandardWebhooksMinimumIsRefusedWithItsLengthOnly(String secret, String encoded,
			String length) {
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSigner(secret))
			.withMessageEndingWith("was " + length)
			.withMessageNotContaining(encoded);
	}

	@Test
	void secretOfTheStandardWebhooksMinimumSigns() {
		String secret = "whsec_" + Base64.getEncoder().encodeToString(new byte[WebhookSigner.MIN_SECRET_BYTES]);
		assertThat(new WebhookSigner(secret).sign("msg_1", 1, new byte[0])).startsWith("v1,");
	}

	private WebhookNotifier notifier(WebhookFormat format, WebhookSigner signer, int maxAttempts) {
		return new WebhookNotifier(URI.create(this.server.url("/hook").toString()), format, JSON, Set.of(), signer,
				Duration.ofSeconds(5), maxAttempts, Duration.ofMillis(100), Map.of(), "sample-app", RunbookLinks.NONE);
	}

	private WebhookNotifier notifier(WebhookFormat format, RunbookLinks runbooks) {
		return new WebhookNotifier(URI.create(this.server.url("/hook").toString()), format, JSON, Set.of(), null,
				Duration.ofSeconds(5), 1, Duration.ofMillis(100), Map.of(), "sample-app", runbooks);
	}

	private RecordedRequest take() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).as("request received").isNotNull();
		return request;
	}

	private static String body(RecordedRequest request) {
		return request.getBody().utf8();
	}

}
