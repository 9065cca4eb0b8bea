package dev.agentobs.internal.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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
 * each alert through its life, as Prometheus does: pending while its condition holds for less
 * than the {@code for} duration, then firing, notified once, again every repeat interval while
 * it keeps firing, and once when it resolves. An alert resolves only when its condition is
 * judged false: while it cannot be judged (fewer runs in the window than the minimum for rate
 * and latency rules) it keeps its last value and is marked stale. On {@link #close(Duration)}
 * every firing alert is sent resolved with the note {@value Alert#INSTANCE_STOPPING}, so that
 * no receiver keeps it firing forever.
 * <p>
 * The runs stopped by their budget are counted from the start, not in the statistics: the
 * evaluator keeps the counts it read whenever they changed, and judges each agent's stops in
 * the window as Prometheus' {@code increase} does, as the count now less the count one window
 * ago.
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

	private final Duration pendingFor;

	private final Clock clock;

	private final Supplier<Map<String, Map<String, Long>>> budgetStops;

	// The stop counts read at each change, oldest first, back to the last one before the window
	private final ArrayDeque<StopCounts> stopCounts = new ArrayDeque<>();

	private final List<Map<String, Tracked>> states = new ArrayList<>();

	private final ArrayDeque<Alert> resolved = new ArrayDeque<>();

	private volatile List<Alert> firing = List.of();

	private volatile List<Alert> recentlyResolved = List.of();

	private volatile Map<AlertRule, Integer> firingByRule = new EnumMap<>(AlertRule.class);

	private @Nullable ScheduledExecutorService scheduler;

	private boolean closed;

	/**
	 * Create an evaluator.
	 * @param statistics the statistics to judge
	 * @param audiences the receivers and their thresholds; the first is the application's own
	 * @param minRequests runs in the window below which rate and latency rules cannot be judged
	 * @param repeatInterval how often a firing alert is notified again
	 * @param pendingFor how long a rule's condition must hold before its alert fires (budgets
	 * fire at once, as a budget once passed stays passed for the day)
	 * @param clock the clock alert times are read from
	 */
	public AlertEvaluator(AgentStatistics statistics, List<AlertAudience> audiences, long minRequests,
			Duration repeatInterval, Duration pendingFor, Clock clock) {
		this(statistics, audiences, minRequests, repeatInterval, pendingFor, clock, Map::of);
	}

	/**
	 * Create an evaluator that also judges the runs stopped by their budget.
	 * @param statistics the statistics to judge
	 * @param audiences the receivers and their thresholds; the first is the application's own
	 * @param minRequests runs in the window below which rate and latency rules cannot be judged
	 * @param repeatInterval how often a firing alert is notified again
	 * @param pendingFor how long a rule's condition must hold before its alert fires (budgets
	 * fire at once, as a budget once passed stays passed for the day)
	 * @param clock the clock alert times are read from
	 * @param budgetStops supplies the runs stopped by their budget since the start, per agent and
	 * limit key, read at each evaluation
	 */
	public AlertEvaluator(AgentStatistics statistics, List<AlertAudience> audiences, long minRequests,
			Duration repeatInterval, Duration pendingFor, Clock clock,
			Supplier<Map<String, Map<String, Long>>> budgetStops) {
		if (audiences.isEmpty()) {
			throw new IllegalArgumentException("an alert evaluator needs at least one audience");
		}
		this.statistics = statistics;
		this.audiences = List.copyOf(audiences);
		this.minRequests = minRequests;
		this.repeatInterval = repeatInterval;
		this.pendingFor = pendingFor;
		this.clock = clock;
		this.budgetStops = budgetStops;
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
		if (this.scheduler != null || this.closed) {
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

	/**
	 * Stop at once: what the receivers have not been sent yet is dropped, and counted.
	 */
	@Override
	public void close() {
		close(Duration.ZERO);
	}

	/**
	 * Stop evaluating, send every firing alert resolved with the note
	 * {@value Alert#INSTANCE_STOPPING} to the receivers that were told it fired, and give the
	 * receivers the grace period to deliver what waits; what is left then is dropped, counted
	 * and logged. Later calls do nothing.
	 * @param grace how long the receivers may take, all together
	 */
	public void close(Duration grace) {
		long deadline = System.nanoTime() + grace.toNanos();
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			if (this.scheduler != null) {
				this.scheduler.shutdownNow();
				this.scheduler = null;
			}
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			for (int i = 0; i < this.audiences.size(); i++) {
				for (Tracked tracked : this.states.get(i).values()) {
					if (tracked.firing) {
						notify(this.audiences.get(i),
								tracked.alert.resolved(now, tracked.alert.value()).withNote(Alert.INSTANCE_STOPPING));
					}
				}
				this.states.get(i).clear();
			}
			publish();
		}
		for (AlertAudience audience : this.audiences) {
			audience.receivers().forEach((receiver) -> receiver.shutdown(deadline));
		}
		for (AlertAudience audience : this.audiences) {
			audience.receivers().forEach((receiver) -> receiver.awaitTermination(deadline));
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
	 * Evaluate once, now, unless the evaluator was closed.
	 */
	public synchronized void evaluate() {
		if (this.closed) {
			return;
		}
		StatisticsSnapshot snapshot = this.statistics.snapshot();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<String> errors = recentErrors(snapshot);
		Map<String, Judgement> judgements = judge(snapshot);
		judgeBudgetStops(judgements, now.minus(snapshot.window()), now);
		for (int i = 0; i < this.audiences.size(); i++) {
			evaluate(this.audiences.get(i), this.states.get(i), judgements, errors, now);
		}
		publish();
	}

	private void evaluate(AlertAudience audience, Map<String, Tracked> state, Map<String, Judgement> judgements,
			List<String> errors, Instant now) {
		for (Map.Entry<String, Judgement> entry : judgements.entrySet()) {
			Judgement judgement = entry.getValue();
			Tracked tracked = state.get(entry.getKey());
			double threshold = audience.thresholds().of(judgement.rule());
			if (judgement.value() == null) {
				if (tracked != null) {
					unjudged(audience, state, entry.getKey(), tracked, now);
				}
			}
			else if (judgement.rule().passes(judgement.value(), threshold)) {
				holds(audience, state, entry.getKey(), tracked, judgement, threshold, errors, now);
			}
			else if (tracked != null) {
				state.remove(entry.getKey());
				if (tracked.firing) {
					resolve(audience, tracked.alert.resolved(now, judgement.value()));
				}
			}
		}
		List<String> unknown = new ArrayList<>();
		for (String key : state.keySet()) {
			if (!judgements.containsKey(key)) {
				unknown.add(key);
			}
		}
		for (String key : unknown) {
			unjudged(audience, state, key, state.get(key), now);
		}
	}

	private void holds(AlertAudience audience, Map<String, Tracked> state, String key, @Nullable Tracked tracked,
			Judgement judgement, double threshold, List<String> errors, Instant now) {
		List<String> alertErrors = (judgement.rule().category() == AlertCategory.BUDGET) ? List.of() : errors;
		if (tracked == null) {
			tracked = new Tracked(new Alert(judgement.rule(), judgement.agent(), Alert.Status.FIRING,
					judgement.value(), threshold, now, null, alertErrors, null, judgement.detail()), now);
			state.put(key, tracked);
		}
		else {
			tracked.alert = tracked.alert.withValue(judgement.value(), alertErrors, judgement.detail());
			tracked.staleSince = null;
		}
		if (!tracked.firing) {
			Duration wait = (judgement.rule().category() == AlertCategory.BUDGET) ? Duration.ZERO : this.pendingFor;
			if (Duration.between(tracked.activeAt, now).compareTo(wait) >= 0) {
				tracked.firing = true;
				tracked.notifiedAt = now;
				notify(audience, tracked.alert);
			}
		}
		else {
			repeatIfDue(audience, tracked, now);
		}
	}

	/** An alert whose condition cannot be judged now: a firing one stays, stale; a pending one ends. */
	private void unjudged(AlertAudience audience, Map<String, Tracked> state, String key, Tracked tracked,
			Instant now) {
		if (!tracked.firing) {
			state.remove(key);
			return;
		}
		if (tracked.staleSince == null) {
			tracked.staleSince = now;
			tracked.alert = tracked.alert.withNote("stale since " + now + ": fewer than " + this.minRequests
					+ " runs in the window to judge it, so it keeps its last value");
		}
		repeatIfDue(audience, tracked, now);
	}

	private void repeatIfDue(AlertAudience audience, Tracked tracked, Instant now) {
		if (!now.isBefore(tracked.notifiedAt.plus(this.repeatInterval))) {
			tracked.notifiedAt = now;
			notify(audience, tracked.alert);
		}
	}

	private void resolve(AlertAudience audience, Alert resolvedAlert) {
		notify(audience, resolvedAlert);
		if (audience == this.audiences.get(0)) {
			this.resolved.addFirst(resolvedAlert);
			while (this.resolved.size() > RESOLVED_KEPT) {
				this.resolved.removeLast();
			}
		}
	}

	/**
	 * Every rule's value for every agent, or {@code null} where it cannot be judged now: rate
	 * and latency with fewer runs in the window than the minimum, budgets without figures for
	 * today.
	 */
	private Map<String, Judgement> judge(StatisticsSnapshot snapshot) {
		Map<String, Judgement> judgements = new LinkedHashMap<>();
		for (ComponentStatistics agent : snapshot.agents().values()) {
			OperationSummary window = agent.window();
			boolean enough = window.requests() >= this.minRequests;
			put(judgements, AlertRule.HIGH_ERROR_RATE, agent.name(), enough ? window.errorRate() : null);
			put(judgements, AlertRule.HIGH_LATENCY, agent.name(), enough ? seconds(window.p95ResponseTime()) : null);
			put(judgements, AlertRule.FAILURE_SPIKE, agent.name(), (double) window.errors());
		}
		DailyUsage today = snapshot.today();
		Double cost = (today != null) ? today.cost() : null;
		Double tokens = (today != null) ? (double) (today.inputTokens() + today.outputTokens()) : null;
		put(judgements, AlertRule.DAILY_COST, null, cost);
		put(judgements, AlertRule.DAILY_TOKENS, null, tokens);
		put(judgements, AlertRule.DAILY_COST_WARNING, null, cost);
		put(judgements, AlertRule.DAILY_TOKENS_WARNING, null, tokens);
		return judgements;
	}

	/**
	 * Each agent's runs stopped by their budget in the window, with the limits they reached,
	 * for every agent stopped since the start: 0 once its stops are older than the window.
	 */
	private void judgeBudgetStops(Map<String, Judgement> judgements, Instant windowStart, Instant now) {
		Map<String, Map<String, Long>> current = this.budgetStops.get();
		StopCounts last = this.stopCounts.peekLast();
		if ((last != null) ? !last.counts().equals(current) : !current.isEmpty()) {
			this.stopCounts.addLast(new StopCounts(now, Map.copyOf(current)));
		}
		// The count at the window's start is the last one read before it; older ones are not needed
		while (this.stopCounts.size() > 1) {
			StopCounts oldest = this.stopCounts.removeFirst();
			if (this.stopCounts.getFirst().time().isAfter(windowStart)) {
				this.stopCounts.addFirst(oldest);
				break;
			}
		}
		StopCounts first = this.stopCounts.peekFirst();
		Map<String, Map<String, Long>> before = (first != null && !first.time().isAfter(windowStart)) ? first.counts()
				: Map.of();
		for (Map.Entry<String, Map<String, Long>> agent : current.entrySet()) {
			Map<String, Long> earlier = before.getOrDefault(agent.getKey(), Map.of());
			long stops = 0;
			StringJoiner limits = new StringJoiner(", ");
			for (Map.Entry<String, Long> limit : agent.getValue().entrySet()) {
				long inWindow = limit.getValue() - earlier.getOrDefault(limit.getKey(), 0L);
				if (inWindow > 0) {
					stops += inWindow;
					limits.add(limit.getKey());
				}
			}
			put(judgements, AlertRule.BUDGET_EXCEEDED, agent.getKey(), (double) stops,
					(stops > 0) ? limits.toString() : null);
		}
	}

	private static void put(Map<String, Judgement> judgements, AlertRule rule, @Nullable String agent,
			@Nullable Double value) {
		put(judgements, rule, agent, value, null);
	}

	private static void put(Map<String, Judgement> judgements, AlertRule rule, @Nullable String agent,
			@Nullable Double value, @Nullable String detail) {
		judgements.put((agent != null) ? rule.alertName() + "/" + agent : rule.alertName(),
				new Judgement(rule, agent, value, detail));
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
			if (tracked.firing) {
				current.add(tracked.alert);
				byRule.merge(tracked.alert.rule(), 1, Integer::sum);
			}
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

	/**
	 * One rule's value for one agent at one evaluation.
	 *
	 * @param rule the rule
	 * @param agent the agent, or {@code null} for the whole application
	 * @param value the value, or {@code null} when it cannot be judged now
	 * @param detail what the value is made of, or {@code null}
	 */
	private record Judgement(AlertRule rule, @Nullable String agent, @Nullable Double value,
			@Nullable String detail) {

	}

	/**
	 * The runs stopped by their budget since the start, as read at one evaluation.
	 *
	 * @param time when they were read
	 * @param counts the stops per agent and limit key
	 */
	private record StopCounts(Instant time, Map<String, Map<String, Long>> counts) {

	}

	/** An alert pending or firing for one audience. */
	private static final class Tracked {

		private final Instant activeAt;

		private Alert alert;

		private boolean firing;

		private Instant notifiedAt;

		private @Nullable Instant staleSince;

		Tracked(Alert alert, Instant activeAt) {
			this.alert = alert;
			this.activeAt = activeAt;
			this.notifiedAt = activeAt;
		}

	}

}
