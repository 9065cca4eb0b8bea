package dev.agentobs.test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

import dev.agentobs.operation.AgentOperation;

import static dev.agentobs.test.AgentRunAssert.plural;
import static dev.agentobs.test.OperationDescriptions.quote;

/**
 * Assertions on the operations a test recorded. Every failure names what was expected and
 * lists what was recorded.
 *
 * @since 0.1.0
 * @see AgentObservabilityAssertions#assertThat(RecordedAgentOperations)
 */
public class RecordedAgentOperationsAssert
		extends AbstractAssert<RecordedAgentOperationsAssert, RecordedAgentOperations> {

	RecordedAgentOperationsAssert(RecordedAgentOperations actual) {
		super(actual, RecordedAgentOperationsAssert.class);
	}

	/**
	 * Verify that exactly one run of an agent was recorded, and continue with assertions on
	 * it.
	 * @param agentName the agent's name
	 * @return assertions on the run
	 */
	public AgentRunAssert hasAgentRun(String agentName) {
		isNotNull();
		List<AgentOperation> operations = this.actual.operations();
		List<AgentOperation> runs = runsOf(agentName, operations);
		if (runs.isEmpty()) {
			throw failedExpectation("an agent run of " + quote(agentName), "recorded " + agentNames(operations),
					operations);
		}
		if (runs.size() > 1) {
			throw failedExpectation("one agent run of " + quote(agentName),
					"recorded " + runs.size() + " (" + runIds(runs) + "); assert their number with hasAgentRuns("
							+ quote(agentName) + ", " + runs.size() + ") or pick one with hasAgentRunWithId(runId)",
					operations);
		}
		return runAssert(runs.get(0));
	}

	/**
	 * Verify that the run with this id was recorded, and continue with assertions on it.
	 * @param runId the run's id, such as the one {@code AgentRunObservation#runId()} gave
	 * @return assertions on the run
	 */
	public AgentRunAssert hasAgentRunWithId(String runId) {
		isNotNull();
		List<AgentOperation> operations = this.actual.operations();
		for (AgentOperation operation : operations) {
			if (operation.kind() == AgentOperation.Kind.AGENT_RUN && runId.equals(operation.runId())) {
				return runAssert(operation);
			}
		}
		throw failedExpectation("an agent run with id " + quote(runId), "recorded " + runIds(runsOf(null, operations)),
				operations);
	}

	/**
	 * Verify how many runs of an agent were recorded.
	 * @param agentName the agent's name
	 * @param count the number of runs
	 * @return this
	 */
	public RecordedAgentOperationsAssert hasAgentRuns(String agentName, int count) {
		isNotNull();
		List<AgentOperation> operations = this.actual.operations();
		int runs = runsOf(agentName, operations).size();
		if (runs != count) {
			throw failedExpectation(plural(count, "agent run") + " of " + quote(agentName), "recorded " + runs,
					operations);
		}
		return this;
	}

	/**
	 * Verify that no run of an agent was recorded.
	 * @param agentName the agent's name
	 * @return this
	 */
	public RecordedAgentOperationsAssert hasNoAgentRun(String agentName) {
		return hasAgentRuns(agentName, 0);
	}

	/**
	 * Verify that no recorded operation failed, in any run or outside of runs.
	 * @return this
	 */
	public RecordedAgentOperationsAssert hasNoErrors() {
		isNotNull();
		List<AgentOperation> operations = this.actual.operations();
		List<AgentOperation> failed = new ArrayList<>();
		for (AgentOperation operation : operations) {
			if (operation.failed()) {
				failed.add(operation);
			}
		}
		if (!failed.isEmpty()) {
			throw failedExpectation("no errors",
					plural(failed.size(), "operation") + " failed:" + System.lineSeparator()
							+ OperationDescriptions.list(failed),
					operations);
		}
		return this;
	}

	private AgentRunAssert runAssert(AgentOperation run) {
		String runId = run.runId();
		List<AgentOperation> operations = (runId != null) ? this.actual.operationsOfRun(runId) : List.of(run);
		AgentRunAssert runAssert = new AgentRunAssert(run, operations, this.actual.prices());
		return hasDescription() ? runAssert.describedAs(this.info.description()) : runAssert;
	}

	private boolean hasDescription() {
		return !descriptionText().isEmpty();
	}

	private static List<AgentOperation> runsOf(@Nullable String agentName, List<AgentOperation> operations) {
		List<AgentOperation> runs = new ArrayList<>();
		for (AgentOperation operation : operations) {
			if (operation.kind() == AgentOperation.Kind.AGENT_RUN
					&& (agentName == null || agentName.equals(operation.agentName()))) {
				runs.add(operation);
			}
		}
		return runs;
	}

	private static String agentNames(List<AgentOperation> operations) {
		Set<String> agents = new LinkedHashSet<>();
		for (AgentOperation run : runsOf(null, operations)) {
			agents.add(quote(run.name()));
		}
		return agents.isEmpty() ? "no agent run" : "runs of " + String.join(", ", agents);
	}

	private static String runIds(List<AgentOperation> runs) {
		if (runs.isEmpty()) {
			return "no agent run";
		}
		StringBuilder ids = new StringBuilder("runs ");
		for (int i = 0; i < runs.size(); i++) {
			ids.append((i > 0) ? ", " : "").append(runs.get(i).runId());
		}
		return ids.toString();
	}

	private AssertionError failedExpectation(String expected, String recorded, List<AgentOperation> operations) {
		String n = System.lineSeparator();
		return failure("%s", "Expected " + expected + "," + n + "but " + recorded + "." + n
				+ "Recorded operations, in the order they finished:" + n + OperationDescriptions.list(operations));
	}

}
