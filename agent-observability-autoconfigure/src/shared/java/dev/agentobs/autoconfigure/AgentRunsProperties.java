package dev.agentobs.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import dev.agentobs.internal.runs.RecentRuns;

/**
 * The recent runs behind {@code /actuator/agentruns} and the dashboard, under
 * {@code monitoring.runs.*}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("monitoring.runs")
public class AgentRunsProperties implements Validator {

	/**
	 * Whether the last finished agent runs are kept in memory, each as the tree of its
	 * operations, for /actuator/agentruns and the dashboard.
	 */
	private boolean enabled = true;

	/**
	 * How many of the last finished runs are kept. Sub-agent runs are kept inside the run they
	 * ran in.
	 */
	private int maxRuns = 100;

	/**
	 * The most operations kept of each run, sub-agent runs included: the earliest, each with
	 * the operations it ran in; the rest are counted.
	 */
	private int maxOperationsPerRun = 200;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxRuns() {
		return this.maxRuns;
	}

	public void setMaxRuns(int maxRuns) {
		this.maxRuns = maxRuns;
	}

	public int getMaxOperationsPerRun() {
		return this.maxOperationsPerRun;
	}

	public void setMaxOperationsPerRun(int maxOperationsPerRun) {
		this.maxOperationsPerRun = maxOperationsPerRun;
	}

	@Override
	public boolean supports(Class<?> type) {
		return AgentRunsProperties.class == type;
	}

	@Override
	public void validate(Object target, Errors errors) {
		if (target instanceof AgentRunsProperties properties) {
			PropertyErrors.check(errors, "max-runs", () -> RecentRuns.checkMaxRuns("max-runs", properties.maxRuns));
			PropertyErrors.check(errors, "max-operations-per-run",
					() -> RecentRuns.checkMaxOperationsPerRun("max-operations-per-run", properties.maxOperationsPerRun));
		}
	}

}
