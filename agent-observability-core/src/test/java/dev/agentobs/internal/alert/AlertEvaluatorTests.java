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

import io.micrometer.observation.ObservationRegistry;

import dev.agentobs.alert.Alert;
import dev.agentobs.alert.AlertNotifier;
import dev.agentobs.alert.AlertRule;
import dev.agentobs.alert.AlertSeverity;
import dev.agentobs.api.AgentObservations;
import dev.agentobs.cost.AgentBudget;
import dev.agentobs.cost.AgentBudgetExceededException;
import dev.agentobs.cost.ModelPrice;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.cost.CostTracker;
import dev.agentobs.internal.cost.RunLedgers;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.internal.observation.AgentOperationDispatcher;
import dev.agentobs.internal.observation.AgentOperationHandler;
import dev.agentobs.internal.stats.OperationStatistics;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.stats.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link AlertEvaluator}: the rules over real rolling statistics, and the life of an
 * alert, with a clock the test moves.
 */
class AlertEvaluatorTests {

	private static final AlertThresholds THRESHOLDS = new AlertThresholds(0.10, Duration.ofSeconds(5), 10, 1.00,
			100_000, 0.8);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

	private final TagValueLimits limits = new TagValueLimits(100);

	private final CostTracker cost = new CostTracker(
			new CostCalculator(Map.of("gpt-4o", ModelPrice.of(2.50, 10.00))), this.limits, this.clock,
			ZoneOffset.UTC);

	private final OperationStatistics statistics = new OperationStatistics(Duration.ofMinutes(5), this.limits,
			this.clock, null, this.cost);

	private final RecordingNotifier received = new RecordingNotifier();

	private final NotificationQueue queue = queue(this.received);

	// Fires at the first evaluation its condition holds: the for duration has tests of its own
	private final AlertEvaluator evaluator = new AlertEvaluator(this.statistics,
			List.of(new AlertAudience("default", THRESHOLDS, List.of(this.queue))), 10, Duration.ofHours(4),
			Duration.ZERO, this.clock);

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
		// Delivered before the repeat: a repeat replaces a notification still waiting
		awaitSubjects("[FIRING] HighAgentErrorRate: research-agent 40% > 10%");
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
	void runsStoppedByTheirBudgetFireOncePerAgentNamingTheLimitsUntilTheWindowHasNoStop() {
		RunLedgers ledgers = new RunLedgers(Map.of("research-agent", AgentBudget.unlimited().maxToolCalls(1)), true,
				() -> null, () -> null, List::of, this.clock, ZoneOffset.UTC);
		AgentObservations observations = observations(ledgers);
		AlertEvaluator evaluator = new AlertEvaluator(this.statistics,
				List.of(new AlertAudience("default", THRESHOLDS, List.of(this.queue))), 10, Duration.ofHours(4),
				Duration.ofMinutes(2), this.clock, ledgers::stops);
		observations.agent("research-agent").observe(() -> observations.tool("search").observe(() -> "found"));
		evaluator.evaluate();
		assertThat(evaluator.firing()).isEmpty();
		assertThatExceptionOfType(AgentBudgetExceededException.class)
			.isThrownBy(() -> observations.agent("research-agent").observe(() -> {
				observations.tool("search").observe(() -> "found");
				return observations.tool("search").observe(() -> "found again");
			}));
		evaluator.evaluate();
		assertThat(evaluator.firing()).singleElement().satisfies((alert) -> {
			assertThat(alert.rule()).isEqualTo(AlertRule.BUDGET_EXCEEDED);
			assertThat(alert.agent()).isEqualTo("research-agent");
			assertThat(alert.severity()).isEqualTo(AlertSeverity.WARNING);
			assertThat(alert.recentErrors()).isEmpty();
		});
		// Another limit a minute later: the same alert, which names both
		this.clock.advance(Duration.ofMinutes(1));
		assertThatExceptionOfType(AgentBudgetExceededException.class).isThrownBy(() -> observations
			.agent("research-agent")
			.budget(AgentBudget.unlimited().maxSteps(1))
			.observe(() -> {
				observations.step(1).observe(() -> "first");
				return observations.step(2).observe(() -> "too far");
			}));
		evaluator.evaluate();
		assertThat(evaluator.firing()).extracting(Alert::summary)
			.containsExactly("research-agent max-steps, max-tool-calls 2 > 0");
		// The first stop leaves the window, then the second
		this.clock.advance(Duration.ofMinutes(4).plusSeconds(30));
		evaluator.evaluate();
		assertThat(evaluator.firing()).extracting(Alert::summary).containsExactly("research-agent max-steps 1 > 0");
		this.clock.advance(Duration.ofMinutes(1));
		evaluator.evaluate();
		evaluator.evaluate();
		assertThat(evaluator.firing()).isEmpty();
		awaitSubjects("[FIRING] AgentBudgetExceeded: research-agent max-tool-calls 1 > 0",
				"[RESOLVED] AgentBudgetExceeded: research-agent max-steps 0 > 0");
		assertThat(evaluator.firingCount(AlertRule.BUDGET_EXCEEDED)).isZero();
		evaluator.close();
	}

	private static AgentObservations observations(RunLedgers ledgers) {
		ObservationRegistry registry = ObservationRegistry.create();
		AgentOperationDispatcher dispatcher = new AgentOperationDispatcher(List.of(ledgers));
		registry.observationConfig().observationHandler(new AgentOperationHandler(dispatcher, ledgers));
		return new AgentObservations(registry, dispatcher::dispatch);
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
		// Past each budget, and past its early warning at 80% of it
		assertThat(this.evaluator.firing()).extracting(Alert::summary)
			.containsExactlyInAnyOrder("all agents $1.50 > $1.00", "all agents 600,000 > 100,000",
					"all agents $1.50 >= $0.80", "all agents 600,000 >= 80,000");
	}

	@Test
	void audienceWithItsOwnThresholdsIsJudgedApart() {
		RecordingNotifier strict = new RecordingNotifier();
		AlertEvaluator evaluator = new AlertEvaluator(this.statistics,
				List.of(new AlertAudience("default", THRESHOLDS, List.of(this.queue)),
						new AlertAudience("strict", new AlertThresholds(0.01, Duration.ofSeconds(5), 10, 1.0, 100_000, 0.8),
								List.of(queue(strict)))),
				10, Duration.ofHours(4), Duration.ZERO, this.clock);
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

	@Test
	void alertFiresOnlyOnceItsConditionHeldForTheForDuration() {
		AlertEvaluator evaluator = evaluator(Duration.ofSeconds(30));
		runs("research-agent", 6, 4);
		Instant activeAt = this.clock.instant();
		evaluator.evaluate();
		assertThat(evaluator.firing()).as("pending").isEmpty();
		this.clock.advance(Duration.ofSeconds(15));
		evaluator.evaluate();
		assertThat(evaluator.firing()).as("pending for 15s of 30s").isEmpty();
		this.clock.advance(Duration.ofSeconds(15));
		evaluator.evaluate();
		assertThat(evaluator.firing()).singleElement()
			.satisfies((alert) -> assertThat(alert.startsAt()).as("since it became pending").isEqualTo(activeAt));
		awaitSubjects("[FIRING] HighAgentErrorRate: research-agent 40% > 10%");
	}

	@Test
	void conditionThatStopsHoldingBeforeTheForDurationNeverFires() {
		AlertEvaluator evaluator = evaluator(Duration.ofSeconds(15));
		runs("research-agent", 6, 4);
		evaluator.evaluate();
		runs("research-agent", 40, 0);
		this.clock.advance(Duration.ofSeconds(15));
		evaluator.evaluate();
		runs("research-agent", 0, 10);
		this.clock.advance(Duration.ofSeconds(15));
		evaluator.evaluate();
		assertThat(evaluator.firing()).as("pending again, from the start").isEmpty();
		assertThat(this.received.subjects).isEmpty();
	}

	@Test
	void budgetsFireAtOnceWhateverTheForDuration() {
		AlertEvaluator evaluator = evaluator(Duration.ofMinutes(10));
		AgentOperation call = AgentOperation.modelCall("openai", "gpt-4o").tokens(500_000, 0).build();
		this.statistics.accept(call);
		this.cost.accept(call);
		evaluator.evaluate();
		assertThat(evaluator.firing()).extracting(Alert::name)
			.containsExactlyInAnyOrder("AgentDailyCostBudget", "AgentDailyTokenBudget", "AgentDailyCostBudgetNearlySpent",
					"AgentDailyTokenBudgetNearlySpent");
	}

	@Test
	void alertStaysFiringMarkedStaleWhenTooFewRunsAreLeftToJudgeIt() {
		// 4 failures, then 3 minutes later 6 failures in 8 runs: 10 of 12 runs failed
		runs("research-agent", 0, 4);
		this.clock.advance(Duration.ofMinutes(3));
		runs("research-agent", 2, 6);
		this.evaluator.evaluate();
		assertThat(this.evaluator.firing()).extracting(Alert::summary).containsExactly("research-agent 83.3% > 10%");
		// The first 4 leave the window: 8 runs, fewer than min-requests (10), 75% of them failed
		this.clock.advance(Duration.ofMinutes(2).plusSeconds(45));
		this.evaluator.evaluate();
		assertThat(this.evaluator.firing()).singleElement().satisfies((alert) -> {
			assertThat(alert.status()).isEqualTo(Alert.Status.FIRING);
			assertThat(alert.summary()).as("the last value judged").isEqualTo("research-agent 83.3% > 10%");
			assertThat(alert.note()).isEqualTo("stale since " + this.clock.instant()
					+ ": fewer than 10 runs in the window to judge it, so it keeps its last value");
		});
		assertThat(this.evaluator.recentlyResolved()).isEmpty();
		// Judged again, and false: now it resolves
		runs("research-agent", 60, 0);
		this.clock.advance(Duration.ofSeconds(15));
		this.evaluator.evaluate();
		assertThat(this.evaluator.firing()).isEmpty();
		awaitSubjects("[FIRING] HighAgentErrorRate: research-agent 83.3% > 10%",
				"[RESOLVED] HighAgentErrorRate: research-agent 8.8% > 10%");
	}

	@Test
	void valueAtTheThresholdDoesNotFlap() {
		// A window long enough to hold every run of the test
		OperationStatistics statistics = new OperationStatistics(Duration.ofHours(1), this.limits, this.clock, null,
				this.cost);
		AlertThresholds errorRateOnly = new AlertThresholds(0.10, Duration.ofMinutes(1), 1_000, 1_000, 1_000_000_000, 0.8);
		AlertEvaluator withFor = new AlertEvaluator(statistics,
				List.of(new AlertAudience("default", errorRateOnly, List.of())), 10, Duration.ofHours(4),
				Duration.ofSeconds(15), this.clock);
		AlertEvaluator withoutFor = new AlertEvaluator(statistics,
				List.of(new AlertAudience("default", errorRateOnly, List.of())), 10, Duration.ofHours(4), Duration.ZERO,
				this.clock);
		int[] transitions = new int[2];
		boolean[] wasFiring = new boolean[2];
		runs(statistics, "research-agent", 18, 2);
		// 40 evaluations 15 s apart, the error rate at the threshold (10%) and, every other one,
		// one failure above it: 3 of 21, then 3 of 30, 4 of 31, 4 of 40...
		for (int i = 0; i < 40; i++) {
			runs(statistics, "research-agent", (i % 2 == 0) ? 0 : 9, (i % 2 == 0) ? 1 : 0);
			AlertEvaluator[] evaluators = { withFor, withoutFor };
			for (int e = 0; e < evaluators.length; e++) {
				evaluators[e].evaluate();
				boolean firing = !evaluators[e].firing().isEmpty();
				transitions[e] += (firing != wasFiring[e]) ? 1 : 0;
				wasFiring[e] = firing;
			}
			this.clock.advance(Duration.ofSeconds(15));
		}
		assertThat(transitions[1]).as("transitions without a for duration, as before").isEqualTo(40);
		assertThat(transitions[0]).as("transitions with the default for duration").isZero();
	}

	@Test
	void closingSendsFiringAlertsResolvedToTheReceiversThatWereToldTheyFired() {
		RecordingNotifier down = new RecordingNotifier();
		down.failing = true;
		NotificationQueue downQueue = queue(down);
		AlertEvaluator evaluator = new AlertEvaluator(this.statistics,
				List.of(new AlertAudience("default", THRESHOLDS, List.of(queue(this.received), downQueue))), 10,
				Duration.ofHours(4), Duration.ZERO, this.clock);
		evaluator.start(Duration.ofHours(1));
		runs("research-agent", 6, 4);
		evaluator.evaluate();
		awaitSubjects("[FIRING] HighAgentErrorRate: research-agent 40% > 10%");
		this.clock.advance(Duration.ofMinutes(1));
		evaluator.close(Duration.ofSeconds(5));
		assertThat(this.received.subjects).containsExactly("[FIRING] HighAgentErrorRate: research-agent 40% > 10%",
				"[RESOLVED] HighAgentErrorRate: research-agent 40% > 10% (instance stopping)");
		assertThat(this.received.alerts.get(1).endsAt()).isEqualTo(this.clock.instant());
		assertThat(down.subjects).isEmpty();
		assertThat(evaluator.firing()).isEmpty();
		assertThat(downQueue.size()).as("dropped at the end of the grace period").isZero();
	}

	@Test
	void closingDoesNotFirePendingAlerts() {
		AlertEvaluator evaluator = evaluator(Duration.ofMinutes(1));
		evaluator.start(Duration.ofHours(1));
		runs("research-agent", 6, 4);
		evaluator.evaluate();
		evaluator.close(Duration.ofSeconds(1));
		assertThat(this.received.subjects).isEmpty();
	}

	private AlertEvaluator evaluator(Duration pendingFor) {
		return new AlertEvaluator(this.statistics, List.of(new AlertAudience("default", THRESHOLDS, List.of(this.queue))),
				10, Duration.ofHours(4), pendingFor, this.clock);
	}

	private AlertEvaluator evaluator(OperationStatistics statistics, AlertThresholds thresholds,
			RecordingNotifier notifier, Duration pendingFor) {
		NotificationQueue queue = queue(notifier);
		queue.start();
		return new AlertEvaluator(statistics, List.of(new AlertAudience("default", thresholds, List.of(queue))), 10,
				Duration.ofHours(4), pendingFor, this.clock);
	}

	private static NotificationQueue queue(AlertNotifier notifier) {
		return new NotificationQueue(notifier, "recording", 100, Duration.ofMillis(10), Duration.ofHours(4),
				NotificationOutcomeRecorder.NONE);
	}

	private void runs(String agent, int succeeded, int failed) {
		runs(this.statistics, agent, succeeded, failed);
	}

	private static void runs(OperationStatistics statistics, String agent, int succeeded, int failed) {
		for (int i = 0; i < succeeded; i++) {
			statistics.accept(AgentOperation.agentRun(agent).duration(Duration.ofMillis(200)).build());
		}
		for (int i = 0; i < failed; i++) {
			statistics
				.accept(AgentOperation.agentRun(agent).duration(Duration.ofMillis(200)).errorType("timeout").build());
		}
	}

	private void awaitSubjects(String... subjects) {
		await().untilAsserted(() -> assertThat(this.received.subjects).containsExactly(subjects));
	}

	static final class RecordingNotifier implements AlertNotifier {

		final List<String> subjects = new CopyOnWriteArrayList<>();

		final List<Alert> alerts = new CopyOnWriteArrayList<>();

		volatile boolean failing;

		@Override
		public String channel() {
			return "test";
		}

		@Override
		public String receiver() {
			return "recording";
		}

		@Override
		public void send(Alert alert) throws java.io.IOException {
			if (this.failing) {
				throw new java.io.IOException("down");
			}
			this.subjects.add(alert.subject());
			this.alerts.add(alert);
		}

	}

}
