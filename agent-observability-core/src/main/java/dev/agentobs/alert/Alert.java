package dev.agentobs.alert;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One alert at one moment of its life: firing, or resolved. Immutable.
 *
 * @param rule the rule that fired
 * @param agent the agent it concerns, or {@code null} when it concerns all of them
 * @param status whether it fires or was resolved
 * @param value the measured value when it was last evaluated
 * @param threshold the threshold the value is compared with
 * @param startsAt when it started firing
 * @param endsAt when it was resolved, or {@code null} while it fires
 * @param recentErrors the last errors of the window, already cut and masked
 * @param note what else a receiver should know, or {@code null}: that a firing alert is stale
 * (its condition could not be judged lately, so it keeps its last value), or that a resolved
 * one was resolved because the instance stopped rather than because its condition ended
 * @param detail what the value is made of, which the summary names after the agent, or
 * {@code null}: the limits the runs of a {@link AlertRule#BUDGET_EXCEEDED} alert reached
 * @since 0.1.0
 */
public record Alert(AlertRule rule, @Nullable String agent, Status status, double value, double threshold,
		Instant startsAt, @Nullable Instant endsAt, List<String> recentErrors, @Nullable String note,
		@Nullable String detail) {

	/** The note of an alert resolved because the instance that judged it stopped. */
	public static final String INSTANCE_STOPPING = "instance stopping";

	/**
	 * Whether an alert fires or was resolved.
	 */
	public enum Status {

		/** The condition holds. */
		FIRING,

		/** The condition held and no longer does. */
		RESOLVED;

		/**
		 * The status as Alertmanager writes it.
		 * @return {@code firing} or {@code resolved}
		 */
		public String label() {
			return (this == FIRING) ? "firing" : "resolved";
		}

	}

	public Alert {
		recentErrors = List.copyOf(recentErrors);
	}

	/**
	 * An alert without a note or a detail.
	 * @param rule the rule that fired
	 * @param agent the agent it concerns, or {@code null} when it concerns all of them
	 * @param status whether it fires or was resolved
	 * @param value the measured value when it was last evaluated
	 * @param threshold the threshold the value is compared with
	 * @param startsAt when it started firing
	 * @param endsAt when it was resolved, or {@code null} while it fires
	 * @param recentErrors the last errors of the window, already cut and masked
	 */
	public Alert(AlertRule rule, @Nullable String agent, Status status, double value, double threshold,
			Instant startsAt, @Nullable Instant endsAt, List<String> recentErrors) {
		this(rule, agent, status, value, threshold, startsAt, endsAt, recentErrors, null, null);
	}

	/**
	 * The alert's name, such as {@code HighAgentErrorRate}.
	 * @return the name
	 */
	public String name() {
		return this.rule.alertName();
	}

	public AlertSeverity severity() {
		return this.rule.severity();
	}

	public AlertCategory category() {
		return this.rule.category();
	}

	/**
	 * What the alert means.
	 * @return the description
	 */
	public String description() {
		return this.rule.description();
	}

	/**
	 * One line with the agent, the detail if any, and the numbers:
	 * {@code research-agent 34% > 10%}, {@code research-agent max-tokens 2 > 0}.
	 * @return the summary
	 */
	public String summary() {
		return this.rule.summary(this.agent, this.detail, this.value, this.threshold);
	}

	/**
	 * The one-line subject of a notification, such as
	 * {@code [FIRING] HighAgentErrorRate: research-agent 34% > 10%}, with the note in
	 * parentheses when there is one.
	 * @return the subject
	 */
	public String subject() {
		String subject = "[" + this.status.name() + "] " + name() + ": " + summary();
		return (this.note != null) ? subject + " (" + this.note + ")" : subject;
	}

	/**
	 * What identifies the alert across evaluations: its name and agent.
	 * @return the key
	 */
	public String key() {
		return (this.agent != null) ? name() + "/" + this.agent : name();
	}

	/**
	 * The same alert with a newer value and detail, still firing and without a note: judged
	 * now.
	 * @param newValue the value of this evaluation
	 * @param errors the recent errors of this evaluation
	 * @param newDetail the detail of this evaluation, or {@code null}
	 * @return the updated alert
	 */
	public Alert withValue(double newValue, List<String> errors, @Nullable String newDetail) {
		return new Alert(this.rule, this.agent, this.status, newValue, this.threshold, this.startsAt, this.endsAt,
				errors, null, newDetail);
	}

	/**
	 * The same alert with another note.
	 * @param newNote the note, or {@code null} for none
	 * @return the updated alert
	 */
	public Alert withNote(@Nullable String newNote) {
		return new Alert(this.rule, this.agent, this.status, this.value, this.threshold, this.startsAt, this.endsAt,
				this.recentErrors, newNote, this.detail);
	}

	/**
	 * The same alert, resolved, without a note; its detail stays, saying what resolved.
	 * @param at when it was resolved
	 * @param lastValue the value that no longer passes the threshold
	 * @return the resolved alert
	 */
	public Alert resolved(Instant at, double lastValue) {
		return new Alert(this.rule, this.agent, Status.RESOLVED, lastValue, this.threshold, this.startsAt, at,
				this.recentErrors, null, this.detail);
	}

}
