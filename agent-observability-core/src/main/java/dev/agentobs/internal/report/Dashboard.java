package dev.agentobs.internal.report;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.agentobs.alert.Alert;
import dev.agentobs.internal.cost.RunLedgers;
import dev.agentobs.internal.runs.RecentRuns;
import dev.agentobs.internal.runs.RecordedRun;
import dev.agentobs.internal.runs.RunOrder;
import dev.agentobs.stats.AgentStatistics;

/**
 * The live dashboard of the agents: gathers what it shows from the statistics, the health
 * check, the alerts, the budgets and the recent runs, as JSON for its page to refresh from, and as the page
 * itself for its first view.
 *
 * @since 0.1.0
 */
public class Dashboard {

	/** How many runs the list of the dashboard shows. */
	public static final int MAX_RUNS_LISTED = 25;

	private final AgentStatistics statistics;

	private final Supplier<Status> status;

	private final @Nullable Supplier<List<Alert>> firingAlerts;

	private final @Nullable RecentRuns runs;

	private final @Nullable RunLedgers ledgers;

	private final DashboardPage page = new DashboardPage();

	/**
	 * Create a dashboard.
	 * @param statistics the statistics it shows
	 * @param status judges the agents' status now, as their health indicator does
	 * @param firingAlerts the alerts firing now, or {@code null} when alerting is off
	 * @param runs the recent runs, or {@code null} when they are not kept
	 */
	public Dashboard(AgentStatistics statistics, Supplier<Status> status,
			@Nullable Supplier<List<Alert>> firingAlerts, @Nullable RecentRuns runs) {
		this(statistics, status, firingAlerts, runs, null);
	}

	/**
	 * Create a dashboard with the budgets.
	 * @param statistics the statistics it shows
	 * @param status judges the agents' status now, as their health indicator does
	 * @param firingAlerts the alerts firing now, or {@code null} when alerting is off
	 * @param runs the recent runs, or {@code null} when they are not kept
	 * @param ledgers the runs' ledgers and budgets, or {@code null} when budgets are not kept
	 */
	public Dashboard(AgentStatistics statistics, Supplier<Status> status,
			@Nullable Supplier<List<Alert>> firingAlerts, @Nullable RecentRuns runs, @Nullable RunLedgers ledgers) {
		this.statistics = statistics;
		this.status = status;
		this.firingAlerts = firingAlerts;
		this.runs = runs;
		this.ledgers = ledgers;
	}

	/**
	 * What the dashboard shows now.
	 * @param view which runs it lists and which it opens
	 * @return the descriptor, for JSON
	 */
	public DashboardDescriptor describe(View view) {
		Status status = this.status.get();
		RunsDescriptor runs = null;
		RunDescriptor run = null;
		if (this.runs != null) {
			runs = RunsDescriptor.of(this.runs, view.agent(), view.failedOnly(), view.order(), MAX_RUNS_LISTED);
			RecordedRun opened = (view.runId() != null) ? this.runs.run(view.runId()) : null;
			run = (opened != null) ? RunDescriptor.of(opened) : null;
		}
		return new DashboardDescriptor(status.status(), status.reason(),
				AgentsDescriptor.of(this.statistics.snapshot(), List.of(),
						(this.ledgers != null) ? BudgetsDescriptor.of(this.ledgers) : null),
				(this.firingAlerts != null) ? AlertDescriptor.of(this.firingAlerts.get()) : null, runs, run);
	}

	/**
	 * The page, with what the dashboard shows now as its first view.
	 * @param view which runs it lists and which it opens
	 * @param assets the path of the page's style sheet and script, relative to the page, such
	 * as {@code agentdashboard/}
	 * @return the HTML document
	 */
	public String page(View view, String assets) {
		return this.page.render(describe(view), view, assets);
	}

	/**
	 * The agents' status as their health indicator judges it.
	 *
	 * @param status {@code UP}, {@code DEGRADED} or {@code DOWN}
	 * @param reason why it is not plainly UP, or {@code null}
	 */
	public record Status(String status, @Nullable String reason) {

	}

	/**
	 * What the page lists and opens: its query parameters.
	 *
	 * @param agent only the runs of this agent, or {@code null} for all
	 * @param failedOnly only the runs that failed
	 * @param order the order of the runs
	 * @param runId the run opened, or {@code null}
	 */
	public record View(@Nullable String agent, boolean failedOnly, RunOrder order, @Nullable String runId) {

		/**
		 * The view of the page's query parameters, lenient as a page is: a blank value is no
		 * value, an order it does not know is the default one.
		 * @param agent the agent
		 * @param failed {@code true} for failed runs only
		 * @param sort the order's name
		 * @param run the id of the run to open
		 * @return the view
		 */
		public static View of(@Nullable String agent, @Nullable Boolean failed, @Nullable String sort,
				@Nullable String run) {
			RunOrder order;
			try {
				order = RunOrder.of(sort);
			}
			catch (IllegalArgumentException ex) {
				order = RunOrder.RECENT;
			}
			return new View(blankToNull(agent), Boolean.TRUE.equals(failed), order, blankToNull(run));
		}

		private static @Nullable String blankToNull(@Nullable String value) {
			return (value != null && !value.isBlank()) ? value.trim() : null;
		}

	}

}
