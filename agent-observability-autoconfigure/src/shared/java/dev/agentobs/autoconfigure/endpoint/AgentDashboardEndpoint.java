package dev.agentobs.autoconfigure.endpoint;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.util.MimeType;

import dev.agentobs.internal.report.Dashboard;
import dev.agentobs.internal.report.DashboardDescriptor;
import dev.agentobs.internal.report.DashboardPage;

/**
 * {@code /actuator/agentdashboard}: the live dashboard of the agents, a page a browser opens
 * (its first view rendered here, readable with JavaScript off) that refreshes itself from the
 * same path as JSON ({@code Accept: application/json}). Its style sheet and script are
 * {@code /actuator/agentdashboard/dashboard.css} and {@code dashboard.js}. The query
 * parameters {@code agent}, {@code failed} and {@code sort} filter the recent runs and
 * {@code run} opens one; all are optional. Web only, exposed and secured as every actuator
 * endpoint.
 *
 * @since 0.1.0
 */
@WebEndpoint(id = "agentdashboard")
public class AgentDashboardEndpoint {

	/** The media type of the page. */
	public static final String TEXT_HTML = "text/html;charset=UTF-8";

	private final Dashboard dashboard;

	private final Supplier<String> path;

	/**
	 * Create the endpoint.
	 * @param dashboard what it shows
	 * @param path the endpoint's path below the actuator's base path, {@code agentdashboard}
	 * unless mapped to another: the page links its style sheet and script relative to it
	 */
	public AgentDashboardEndpoint(Dashboard dashboard, Supplier<String> path) {
		this.dashboard = dashboard;
		this.path = path;
	}

	/**
	 * The page.
	 * @param agent only the runs of this agent
	 * @param failed {@code true} for only the runs that failed
	 * @param sort {@code recent} (the default), {@code slowest} or {@code costliest}
	 * @param run the id of the run to open
	 * @return the HTML document
	 */
	@ReadOperation(produces = TEXT_HTML)
	@SuppressWarnings("deprecation") // Spring's @Nullable: what Spring Boot 3.5 reads as optional
	public String page(@org.springframework.lang.Nullable @Nullable String agent,
			@org.springframework.lang.Nullable @Nullable Boolean failed,
			@org.springframework.lang.Nullable @Nullable String sort,
			@org.springframework.lang.Nullable @Nullable String run) {
		String path = this.path.get();
		// The page is at .../agentdashboard: its files are below it, named relative to its last segment
		String assets = path.substring(path.lastIndexOf('/') + 1) + "/";
		return this.dashboard.page(Dashboard.View.of(agent, failed, sort, run), assets);
	}

	/**
	 * What the page shows, as it refreshes itself.
	 * @param agent only the runs of this agent
	 * @param failed {@code true} for only the runs that failed
	 * @param sort {@code recent} (the default), {@code slowest} or {@code costliest}
	 * @param run the id of the run to open
	 * @return the dashboard, for JSON
	 */
	@ReadOperation
	@SuppressWarnings("deprecation") // Spring's @Nullable: what Spring Boot 3.5 reads as optional
	public DashboardDescriptor dashboard(@org.springframework.lang.Nullable @Nullable String agent,
			@org.springframework.lang.Nullable @Nullable Boolean failed,
			@org.springframework.lang.Nullable @Nullable String sort,
			@org.springframework.lang.Nullable @Nullable String run) {
		return this.dashboard.describe(Dashboard.View.of(agent, failed, sort, run));
	}

	/**
	 * The page's style sheet or script.
	 * @param name {@value DashboardPage#STYLE_SHEET} or {@value DashboardPage#SCRIPT}
	 * @return the file with its media type, or 404 for any other name
	 */
	@ReadOperation(produces = { "text/css", "text/javascript" })
	public WebEndpointResponse<String> asset(@Selector String name) {
		String asset = DashboardPage.asset(name);
		String mediaType = DashboardPage.mediaType(name);
		if (asset == null || mediaType == null) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return new WebEndpointResponse<>(asset, WebEndpointResponse.STATUS_OK,
				MimeType.valueOf(mediaType + ";charset=UTF-8"));
	}

}
