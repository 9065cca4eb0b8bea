package dev.agentobs.internal.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.agentobs.alert.Alert;
import dev.agentobs.alert.AlertCategory;
import dev.agentobs.alert.AlertRule;
import dev.agentobs.cost.DailyUsage;
import dev.agentobs.stats.AgentStatistics;
import dev.agentobs.stats.ComponentStatistics;
import dev.agentobs.stats.OperationSummary;
import dev.agentobs.stats.RecentError;
import dev.agentobs.stats.StatisticsSnapshot;

/**
 * Judges the rolling statistics against the thresholds on a thread of its own, and follows
 * each alert through its life: a firing and a resolved notification, once each, and a repeat
 * while it keeps firing past the repeat interval. Rate and latency rules need at least the
 * minimum number of runs in the window.
 *
 * @since 0.1.0
 */
public class AlertEvaluator implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(AlertEvaluator.class);

	private static final int RESOLVED_KEPT = 20;

	private static final int ERRORS_PER_ALERT = 5;

	private final AgentStatistics statistics;

	private final List<AlertAudience> audiences;

	private final long minRequests;

	private final Duration repeatInterval;

	private final Clock clock;

	private final List<Map<String, Tracked>> states = new ArrayList<>();

	private final ArrayDeque<Alert> resolved = new ArrayDeque<>();

	private volatile List<Alert> firing = List.of();

	private volatile List<Alert> recentlyResolved = List.of();

	private volatile Map<AlertRule, Integer> firingByRule = new EnumMap<>(AlertRule.class);

	private @Nullable ScheduledExecutorService scheduler;

	/**
	 * Create an evaluator.
	 * @param statistics the statistics to judge
	 * @param audiences the receivers and their thresholds; the first is the application's own
	 * @param minRequests runs in the window below which no rate or latency alert fires
	 * @param repeatInterval how often a firing alert is notified again
	 * @param clock the clock alert times are read from
	 */
	public AlertEvaluator(AgentStatistics statistics, List<AlertAudience> audiences, long minRequests,
			Duration repeatInterval, Clock clock) {
		if (audiences.isEmpty()) {
			throw new IllegalArgumentException("an alert evaluator needs at least one audience");
		}
		this.statistics = statistics;
		this.audiences = List.copyOf(audiences);
		this.minRequests = minRequests;
		this.repeatInterval = repeatInterval;
		this.clock = clock;
		for (int i = 0; i < audiences.size(); i++) {
			this.states.add(new LinkedHashMap<>());
		}
	}

	/**
	 * Start the receivers' delivery threads, and evaluate every interval on a daemon thread of
	 * the evaluator's own, until {@link #close()}.
	 * @param interval the evaluation interval
	 */
	public synchronized void start(Duration interval) {
		if (this.scheduler != null) {
			return;
		}
		for (AlertAudience audience : this.audiences) {
			audience.receivers().forEach(NotificationQueue::start);
		}
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "agent-alerts-evaluator");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1, interval.toMillis());
		this.scheduler.scheduleWithFixedDelay(this::evaluateSafely, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void close() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
		for (AlertAudience audience : this.audiences) {
			audience.receivers().forEach(NotificationQueue::close);
		}
	}

	private void evaluateSafely() {
		try {
			evaluate();
		}
		catch (RuntimeException ex) {
			logger.warn("Alert evaluation failed; it runs again at the next interval", ex);
		}
	}

	/**
	 * Evaluate once, now.
	 */
	public synchronized void evaluate() {
		StatisticsSnapshot snapshot = this.statistics.snapshot();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<String> errors = recentErrors(snapshot);
		for (int i = 0; i < this.audiences.size(); i++) {
			evaluate(this.audiences.get(i), this.states.get(i), snapshot, errors, now);
		}
		publish();
	}

	private void evaluate(AlertAudience audience, Map<String, Tracked> state, StatisticsSnapshot snapshot,
			List<String> errors, Instant now) {
		Map<String, Alert> breaches = breaches(audience.thresholds(), snapshot, errors, now);
		for (Alert breach : breaches.values()) {
			Tracked tracked = state.get(breach.key());
			if (tracked == null) {
				state.put(breach.key(), new Tracked(breach, now));
				notify(audience, breach);
			}
			else {
				tracked.alert = tracked.alert.withValue(breach.value(), breach.recentErrors());
				if (!now.isBefore(tracked.notifiedAt.plus(this.repeatInterval))) {
					tracked.notifiedAt = now;
					notify(audience, tracked.alert);
				}
			}
		}
		Iterator<Map.Entry<String, Tracked>> entries = state.entrySet().iterator();
		while (entries.hasNext()) {
			Map.Entry<String, Tracked> entry = entries.next();
			if (!breaches.containsKey(entry.getKey())) {
				entries.remove();
				Alert alert = entry.getValue().alert;
				Alert resolvedAlert = alert.resolved(now, currentValue(alert, snapshot));
				notify(audience, resolvedAlert);
				if (audience == this.audiences.get(0)) {
					this.resolved.addFirst(resolvedAlert);
					while (this.resolved.size() > RESOLVED_KEPT) {
						this.resolved.removeLast();
					}
				}
			}
		}
	}

	private Map<String, Alert> breaches(AlertThresholds thresholds, StatisticsSnapshot snapshot, List<String> errors,
			Instant now) {
		Map<String, Alert> breaches = new LinkedHashMap<>();
		for (ComponentStatistics agent : snapshot.agents().values()) {
			OperationSummary window = agent.window();
			if (window.requests() >= this.minRequests) {
				check(breaches, AlertRule.HIGH_ERROR_RATE, agent.name(), window.errorRate(), thresholds, errors, now);
				check(breaches, AlertRule.HIGH_LATENCY, agent.name(), seconds(window.p95ResponseTime()), thresholds,
						errors, now);
			}
			check(breaches, AlertRule.FAILURE_SPIKE, agent.name(), window.errors(), thresholds, errors, now);
		}
		DailyUsage today = snapshot.today();
		if (today != null) {
			check(breaches, AlertRule.DAILY_COST, null, today.cost(), thresholds, List.of(), now);
			check(breaches, AlertRule.DAILY_TOKENS, null, today.inputTokens() + today.outputTokens(), thresholds,
					List.of(), now);
		}
		return breaches;
	}

	private static void check(Map<String, Alert> breaches, AlertRule rule, @Nullable String agent, double value,
			AlertThresholds thresholds, List<String> errors, Instant now) {
		double threshold = thresholds.of(rule);
		if (value > threshold) {
			Alert alert = new Alert(rule, agent, Alert.Status.FIRING, value, threshold, now, null,
					(rule.category() == AlertCategory.BUDGET) ? List.of() : errors);
			breaches.put(alert.key(), alert);
		}
	}

	private static double currentValue(Alert alert, StatisticsSnapshot snapshot) {
		if (alert.agent() != null) {
			ComponentStatistics agent = snapshot.agents().get(alert.agent());
			if (agent == null) {
				return 0;
			}
			OperationSummary window = agent.window();
			return switch (alert.rule()) {
				case HIGH_ERROR_RATE -> window.errorRate();
				case HIGH_LATENCY -> seconds(window.p95ResponseTime());
				case FAILURE_SPIKE -> window.errors();
				default -> alert.value();
			};
		}
		DailyUsage today = snapshot.today();
		if (today == null) {
			return 0;
		}
		return (alert.rule() == AlertRule.DAILY_COST) ? today.cost() : today.inputTokens() + today.outputTokens();
	}

	private static List<String> recentErrors(StatisticsSnapshot snapshot) {
		List<String> errors = new ArrayList<>(ERRORS_PER_ALERT);
		for (RecentError error : snapshot.recentErrors()) {
			if (errors.size() == ERRORS_PER_ALERT) {
				break;
			}
			errors.add(error.time() + " " + error.operation() + " " + error.name() + ": " + error.type()
					+ (error.message().isEmpty() ? "" : ": " + error.message()));
		}
		return errors;
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	private static void notify(AlertAudience audience, Alert alert) {
		for (NotificationQueue receiver : audience.receivers()) {
			receiver.offer(alert);
		}
	}

	private void publish() {
		List<Alert> current = new ArrayList<>();
		Map<AlertRule, Integer> byRule = new EnumMap<>(AlertRule.class);
		for (Tracked tracked : this.states.get(0).values()) {
			current.add(tracked.alert);
			byRule.merge(tracked.alert.rule(), 1, Integer::sum);
		}
		this.firing = List.copyOf(current);
		this.firingByRule = byRule;
		this.recentlyResolved = List.copyOf(this.resolved);
	}

	/**
	 * The alerts firing now, judged by the application's thresholds.
	 * @return the firing alerts
	 */
	public List<Alert> firing() {
		return this.firing;
	}

	/**
	 * The last resolved alerts, newest first.
	 * @return up to 20 resolved alerts
	 */
	public List<Alert> recentlyResolved() {
		return this.recentlyResolved;
	}

	/**
	 * How many alerts of one rule fire now, for the {@code agent_alerts_firing} gauge.
	 * @param rule the rule
	 * @return the count
	 */
	public int firingCount(AlertRule rule) {
		return this.firingByRule.getOrDefault(rule, 0);
	}

	private static final class Tracked {

		private Alert alert;

		private Instant notifiedAt;

		Tracked(Alert alert, Instant notifiedAt) {
			this.alert = alert;
			this.notifiedAt = notifiedAt;
		}

	}

}
