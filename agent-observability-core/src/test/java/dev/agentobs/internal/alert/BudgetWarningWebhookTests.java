package dev.agentobs.internal.alert;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.agentobs.alert.Alert;
import dev.agentobs.cost.ModelPrice;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.cost.CostTracker;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.internal.stats.OperationStatistics;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.stats.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The early warning of the daily token budget, judged in the process and posted to a real
 * webhook receiver: it fires when today's tokens reach 80% of the budget, not at 79%.
 */
class BudgetWarningWebhookTests {

	private final MockWebServer server = new MockWebServer();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

	private final TagValueLimits limits = new TagValueLimits(100);

	private final CostTracker cost = new CostTracker(new CostCalculator(Map.of("gpt-4o", ModelPrice.of(2.50, 10.00))),
			this.limits, this.clock, ZoneOffset.UTC);

	private final OperationStatistics statistics = new OperationStatistics(Duration.ofMinutes(5), this.limits,
			this.clock, null, this.cost);

	private AlertEvaluator evaluator;

	@BeforeEach
	void start() throws Exception {
		this.server.start(InetAddress.getLoopbackAddress(), 0);
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		WebhookNotifier webhook = new WebhookNotifier(URI.create(this.server.url("/alerts").toString()),
				WebhookFormat.JSON, JsonMapper.shared()::writeValueAsString, Set.of(), null, Duration.ofSeconds(5), 1,
				Duration.ofMillis(100), Map.of(), "research-assistant",
				new RunbookLinks(URI.create("https://runbooks.example.com/agents/")));
		NotificationQueue queue = new NotificationQueue(webhook, "oncall", 100, Duration.ofMillis(10),
				Duration.ofHours(4), NotificationOutcomeRecorder.NONE);
		// A budget of 1,000 tokens a day and $1,000 (out of reach), warned at 80%
		AlertThresholds thresholds = new AlertThresholds(0.10, Duration.ofSeconds(5), 10, 1_000, 1_000, 0.8);
		this.evaluator = new AlertEvaluator(this.statistics, List.of(new AlertAudience("default", thresholds,
				List.of(queue))), 10, Duration.ofHours(4), Duration.ofMinutes(10), this.clock);
		queue.start();
	}

	@AfterEach
	void stop() {
		this.evaluator.close();
		this.server.close();
	}

	@Test
	void warningFiresAtEightyPercentOfTheDailyTokensAndNotAtSeventyNine() throws Exception {
		modelCall(790);
		this.evaluator.evaluate();
		assertThat(this.evaluator.firing()).isEmpty();
		modelCall(10);
		this.evaluator.evaluate();
		assertThat(this.evaluator.firing()).extracting(Alert::name).containsExactly("AgentDailyTokenBudgetNearlySpent");
		// The first request the receiver gets: none was sent at 790 tokens
		RecordedRequest request = this.server.takeRequest(10, TimeUnit.SECONDS);
		assertThat(request).as("webhook request").isNotNull();
		DocumentContext body = JsonPath.parse(request.getBody().utf8());
		assertThat(body.read("$.status", String.class)).isEqualTo("firing");
		assertThat(body.read("$.alert.name", String.class)).isEqualTo("AgentDailyTokenBudgetNearlySpent");
		assertThat(body.read("$.alert.severity", String.class)).isEqualTo("warning");
		assertThat(body.read("$.alert.category", String.class)).isEqualTo("budget");
		assertThat(body.read("$.alert.value", Long.class)).isEqualTo(800);
		assertThat(body.read("$.alert.threshold", Long.class)).isEqualTo(800);
		assertThat(body.read("$.alert.summary", String.class)).isEqualTo("all agents 800 >= 800");
		assertThat(body.read("$.alert.runbookUrl", String.class))
			.isEqualTo("https://runbooks.example.com/agents/agentdailytokenbudgetnearlyspent");
	}

	private void modelCall(long inputTokens) {
		AgentOperation call = AgentOperation.modelCall("openai", "gpt-4o").tokens(inputTokens, 0).build();
		this.statistics.accept(call);
		this.cost.accept(call);
	}

}
