package dev.agentobs.internal.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.agentobs.alert.Alert;
import dev.agentobs.alert.AlertNotifier;
import dev.agentobs.alert.AlertRule;
import dev.agentobs.alert.AlertSeverity;
import dev.agentobs.cost.ModelPrice;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.cost.CostTracker;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.internal.stats.OperationStatistics;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.stats.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link AlertEvaluator}: the rules over real rolling statistics, and the life of an
 * alert, with a clock the test moves.
 */
class AlertEvaluatorTests {

	private static final AlertThresholds THRESHOLDS = new AlertThresholds(0.10, Duration.ofSeconds(5), 10, 1.00,
			100_000);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

	private final TagValueLimits limits = new TagValueLimits(100);

	private final CostTracker cost = new CostTracker(
			new CostCalculator(Map.of("gpt-4o", ModelPrice.of(2.50, 10.00))), this.limits, this.clock,
			ZoneOffset.UTC);

	private final OperationStatistics statistics = new OperationStatistics(Duration.ofMinutes(5), this.limits,
			this.clock, null, this.cost);

	private final RecordingNotifier received = new RecordingNotifier();

	private final NotificationQueue queue = new NotificationQueue(this.received, 100, NotificationOutcomeRecorder.NONE);

	private final AlertEvaluator evaluator = new AlertEvaluator(this.statistics,
			List.of(new AlertAudience("default", THRESHOLDS, List.of(this.queue))), 10, Duration.ofHours(4),
			this.clock);

	@BeforeEach
	void startDelivery() {
		this.queue.start();
	}

	@AfterEach
	void close() {
		this.evaluator.close();
	}

	@Test
	void errorRateAboveThresholdFiresOnceWhileItLasts() {
		runs("research-agent", 6, 4);
		this.evaluator.evaluate();
		this.clock.advance(Duration.ofSeconds(15));
		this.evaluator.evaluate();
		assertThat(this.evaluator.firing()).extracting(Alert::name)
			.containsExactlyInAnyOrder("HighAgentErrorRate");
		Alert alert = this.evaluator.firing().get(0);
		assertThat(alert.agent()).isEqualTo("research-agent");
		assertThat(alert.value()).isEqualTo(0.4);
		assertThat(alert.summary()).isEqualTo("research-agent 40% > 10%");
		assertThat(alert.recentErrors()).isNotEmpty().allSatisfy((error) -> assertThat(error).contains("timeout"));
		assertThat(this.evaluator.firingCount(AlertRule.HIGH_ERROR_RATE)).isEqualTo(1);
		awaitSubjects("[FIRING] HighAgentErrorRate: research-agent 40% > 10%");
	}

	@Test
	void resolvedAlertIsNotifiedOnceAndKept() {
		runs("research-agent", 6, 4);
		this.evaluator.evaluate();
		// The failures leave the window; healthy runs take their place
		this.clock.advance(Duration.ofMinutes(6));
		runs("research-agent", 20, 0);
		this.evaluator.evaluate();
		this.evaluator.evaluate();
		assertThat(this.evaluator.firing()).isEmpty();
		assertThat(this.evaluator.recentlyResolved()).singleElement().satisfies((alert) -> {
			assertThat(alert.status()).isEqualTo(Alert.Status.RESOLVED);
			assertThat(alert.endsAt()).isEqualTo(this.clock.instant());
			assertThat(alert.value()).isZero();
		});
		awaitSubjects("[FIRING] HighAgentErrorRate: research-agent 40% > 10%",
				"[RESOLVED] HighAgentErrorRate: research-agent 0% > 10%");
	}

	@Test
	void stillFiringAlertIsNotifiedAgainAfterTheRepeatInterval() {
		runs("research-agent", 6, 4);
		this.evaluator.evaluate();
		this.clock.advance(Duration.ofHours(3));
		runs("research-agent", 6, 4);
		this.evaluator.evaluate();
		this.clock.advance(Duration.ofHours(1));
		runs("research-agent", 6, 4);
		this.evaluator.evaluate();
		awaitSubjects("[FIRING] HighAgentErrorRate: research-agent 40% > 10%",
				"[FIRING] HighAgentErrorRate: research-agent 40% > 10%");
	}

	@Test
	void belowMinRequestsNoRateAlertFires() {
		runs("research-agent", 0, 9);
		this.evaluator.evaluate();
		assertThat(this.evaluator.firing()).isEmpty();
	}

	@Test
	void failureSpikeAndLatencyFirePerAgent() {
		for (int i = 0; i < 12; i++) {
			this.statistics.accept(AgentOperation.agentRun("slow-agent").duration(Duration.ofSeconds(8)).build());
			this.statistics.accept(AgentOperation.agentRun("flaky-agent")
				.duration(Duration.ofMillis(100))
				.errorType("timeout")
				.build());
		}
		this.evaluator.evaluate();
		assertThat(this.evaluator.firing()).extracting(Alert::key)
			.containsExactlyInAnyOrder("HighAgentLatency/slow-agent", "HighAgentErrorRate/flaky-agent",
					"AgentFailureSpike/flaky-agent");
		assertThat(this.evaluator.firing()).filteredOn((alert) -> alert.rule() == AlertRule.HIGH_LATENCY)
			.singleElement()
			.satisfies((alert) -> assertThat(alert.severity()).isEqualTo(AlertSeverity.WARNING));
	}

	@Test
	void dailyCostAndTokenBudgetsFire() {
		// 300k input tokens at $2.50 per million: $0.75 each call, $1.50 in all
		for (int i = 0; i < 2; i++) {
			AgentOperation call = AgentOperation.modelCall("openai", "gpt-4o")
				.tokens(300_000, 0)
				.duration(Duration.ofSeconds(1))
				.build();
			// Both are sinks: each receives every operation
			this.statistics.accept(call);
			this.cost.accept(call);
		}
		this.evaluator.evaluate();
		assertThat(this.evaluator.firing()).extracting(Alert::summary)
			.containsExactlyInAnyOrder("all agents $1.50 > $1.00", "all agents 600,000 > 100,000");
	}

	@Test
	void audienceWithItsOwnThresholdsIsJudgedApart() {
		RecordingNotifier strict = new RecordingNotifier();
		AlertEvaluator evaluator = new AlertEvaluator(this.statistics,
				List.of(new AlertAudience("default", THRESHOLDS, List.of(this.queue)),
						new AlertAudience("strict", new AlertThresholds(0.01, Duration.ofSeconds(5), 10, 1.0, 100_000),
								List.of(new NotificationQueue(strict, 10, NotificationOutcomeRecorder.NONE)))),
				10, Duration.ofHours(4), this.clock);
		evaluator.start(Duration.ofHours(1));
		try {
			runs("research-agent", 19, 1);
			evaluator.evaluate();
			assertThat(evaluator.firing()).isEmpty();
			await().untilAsserted(() -> assertThat(strict.subjects)
				.containsExactly("[FIRING] HighAgentErrorRate: research-agent 5% > 1%"));
			assertThat(this.received.subjects).isEmpty();
		}
		finally {
			evaluator.close();
		}
	}

	private void runs(String agent, int succeeded, int failed) {
		for (int i = 0; i < succeeded; i++) {
			this.statistics.accept(AgentOperation.agentRun(agent).duration(Duration.ofMillis(200)).build());
		}
		for (int i = 0; i < failed; i++) {
			this.statistics
				.accept(AgentOperation.agentRun(agent).duration(Duration.ofMillis(200)).errorType("timeout").build());
		}
	}

	private void awaitSubjects(String... subjects) {
		await().untilAsserted(() -> assertThat(this.received.subjects).containsExactly(subjects));
	}

	static final class RecordingNotifier implements AlertNotifier {

		final List<String> subjects = new CopyOnWriteArrayList<>();

		@Override
		public String channel() {
			return "test";
		}

		@Override
		public String receiver() {
			return "recording";
		}

		@Override
		public void send(Alert alert) {
			this.subjects.add(alert.subject());
		}

	}

}
