package dev.agentobs.internal.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.cost.ModelPrice;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.observation.AgentOperationDispatcher;
import dev.agentobs.internal.observation.AgentOperationHandler;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.OperationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RecentRuns}.
 */
class RecentRunsTests {

	private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

	private final CostCalculator costs = new CostCalculator(Map.of("gpt-4o", ModelPrice.of(2.5, 10)));

	private final RecentRuns runs = new RecentRuns(3, 10, this.costs);

	@Test
	void observedRunIsKeptAsTheTreeOfItsOperationsWithTheSubAgentInsideItsToolCall() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		AgentOperationDispatcher dispatcher = new AgentOperationDispatcher(List.of(this.runs));
		registry.observationConfig().observationHandler(new AgentOperationHandler(dispatcher));
		AgentObservations observations = new AgentObservations(registry, dispatcher::dispatch);

		observations.agent("research-agent").observe(() -> {
			observations.step(1).observe(() -> {
				observations.model("openai", "gpt-4o").observe((call) -> call.tokens(1000, 100));
				observations.tool("fact_check").observe(() -> observations.agent("fact-checker")
					.observe(() -> observations.model("openai", "gpt-4o-mini").observe((call) -> call.tokens(10, 1))));
			});
			observations.step(2).observe(() -> observations.codeExecution("python").observe(() -> 4));
		});

		RecordedRun run = this.runs.runs().get(0);
		assertThat(RunTrees.outline(run.root())).isEqualTo("""
				invoke_agent research-agent
				  step 1 research-agent
				    chat gpt-4o
				    execute_tool fact_check
				      invoke_agent fact-checker
				        chat gpt-4o-mini
				  step 2 research-agent
				    execute_code python
				""");
		assertThat(run.agent()).isEqualTo("research-agent");
		assertThat(run.totals().operations()).isEqualTo(7);
		assertThat(run.totals().inputTokens()).isEqualTo(1010);
		assertThat(run.totals().outputTokens()).isEqualTo(101);
		// gpt-4o at 2.5 and 10 USD per million tokens; gpt-4o-mini has no price
		assertThat(run.totals().cost()).isEqualTo(0.0035);
		assertThat(run.totals().unpricedCalls()).isEqualTo(1);
		assertThat(this.runs.run(run.runId())).isSameAs(run);
		assertThat(this.runs.runs()).hasSize(1);
	}

	@Test
	void operationsOutsideAnyRunAreNotKept() {
		this.runs.accept(AgentOperation.toolCall("web_search").duration(Duration.ofMillis(5)).build());
		this.runs.accept(AgentOperation.modelCall("openai", "gpt-4o").tokens(10, 2).build());
		assertThat(this.runs.runs()).isEmpty();
		assertThat(this.runs.lostOperations()).isZero();
	}

	@Test
	void operationsRecordedWithoutNumbersHangFromTheirRunByStartTime() {
		this.runs.accept(at(AgentOperation.toolCall("second"), "run-1", 0, 0, 30, 10).build());
		this.runs.accept(at(AgentOperation.modelCall("openai", "gpt-4o"), "run-1", 0, 0, 10, 10).build());
		this.runs.accept(at(AgentOperation.agentRun("support-agent"), "run-1", 0, 0, 0, 50).build());
		RecordedRun run = this.runs.run("run-1");
		assertThat(RunTrees.outline(run.root())).isEqualTo("""
				invoke_agent support-agent
				  chat gpt-4o
				  execute_tool second
				""");
		assertThat(run.root().children().get(0).start()).isEqualTo(T0.plusMillis(10));
		assertThat(run.duration()).isEqualTo(Duration.ofMillis(50));
	}

	@Test
	void ringKeepsTheLastRunsAndForgetsTheOldest() {
		for (int i = 1; i <= 5; i++) {
			this.runs.accept(at(AgentOperation.agentRun("agent-" + i), "run-" + i, 0, 0, i, 1).build());
		}
		assertThat(this.runs.runs()).extracting(RecordedRun::runId).containsExactly("run-5", "run-4", "run-3");
		assertThat(this.runs.run("run-2")).isNull();
		assertThat(this.runs.run("run-3")).isNotNull();
		assertThat(this.runs.recordedRuns()).isEqualTo(5);
	}

	@Test
	void runKeepsItsFirstOperationsAndCountsTheRest() {
		RecentRuns runs = new RecentRuns(2, 3, null);
		// Two steps of two tool calls each: the first step whole and its calls, then nothing
		long id = 100;
		for (int step = 1; step <= 2; step++) {
			long stepId = id++;
			for (int call = 0; call < 2; call++) {
				runs.accept(at(AgentOperation.toolCall("tool-" + step + "-" + call), "run-1", id++, stepId,
						step * 10 + call, 1).build());
			}
			runs.accept(at(AgentOperation.agentStep("research-agent", step), "run-1", stepId, 1, step * 10 - 1, 5)
				.build());
		}
		runs.accept(at(AgentOperation.agentRun("research-agent"), "run-1", 1, 0, 0, 40).build());
		RecordedRun run = runs.run("run-1");
		assertThat(RunTrees.outline(run.root())).isEqualTo("""
				invoke_agent research-agent
				  step 1 research-agent
				    execute_tool tool-1-0
				    execute_tool tool-1-1
				""");
		// The second step and its calls finished after the first three: counted, not kept
		assertThat(run.droppedOperations()).isEqualTo(3);
		assertThat(run.totals().operations()).isEqualTo(3);
	}

	@Test
	void treeWithManySubAgentRunsIsCutToTheLimitDepthFirst() {
		RecentRuns runs = new RecentRuns(2, 4, null);
		for (int i = 0; i < 3; i++) {
			long toolId = 10 + i;
			runs.accept(at(AgentOperation.modelCall("openai", "gpt-4o"), "sub-" + i, 20 + i, 30 + i, i * 10 + 2, 1)
				.build());
			runs.accept(at(AgentOperation.agentRun("fact-checker"), "sub-" + i, 30 + i, toolId, i * 10 + 1, 3).build());
			runs.accept(at(AgentOperation.toolCall("fact_check"), "run-1", toolId, 1, i * 10, 5).build());
		}
		runs.accept(at(AgentOperation.agentRun("research-agent"), "run-1", 1, 0, 0, 40).build());
		RecordedRun run = runs.run("run-1");
		assertThat(RunTrees.outline(run.root())).isEqualTo("""
				invoke_agent research-agent
				  execute_tool fact_check
				    invoke_agent fact-checker
				      chat gpt-4o
				  execute_tool fact_check
				""");
		assertThat(run.totals().operations()).isEqualTo(4);
		assertThat(run.droppedOperations()).isEqualTo(5);
		// Sub-agent runs are kept inside the run they ran in, not as runs of their own
		assertThat(runs.runs()).hasSize(1);
		assertThat(runs.run("sub-0")).isNull();
	}

	@Test
	void operationThatEndsAfterItsRunJoinsTheRunKept() {
		this.runs.accept(at(AgentOperation.agentStep("research-agent", 1), "run-1", 2, 1, 1, 5).build());
		this.runs.accept(at(AgentOperation.agentRun("research-agent"), "run-1", 1, 0, 0, 10).build());
		this.runs.accept(at(AgentOperation.modelCall("openai", "gpt-4o"), "run-1", 3, 2, 2, 20).tokens(5, 1).build());
		RecordedRun run = this.runs.run("run-1");
		assertThat(RunTrees.outline(run.root())).isEqualTo("""
				invoke_agent research-agent
				  step 1 research-agent
				    chat gpt-4o
				""");
		assertThat(run.totals().inputTokens()).isEqualTo(5);
		assertThat(this.runs.runs()).containsExactly(run);
	}

	@Test
	void runsInProgressPastTheLimitAreGivenUpOldestFirst() {
		RecentRuns runs = new RecentRuns(1, 10, null);
		int followed = RecentRuns.RUNS_IN_PROGRESS_PER_KEPT_RUN;
		for (int i = 0; i <= followed; i++) {
			runs.accept(at(AgentOperation.toolCall("web_search"), "run-" + i, 0, 0, i, 1).build());
		}
		assertThat(runs.lostOperations()).isEqualTo(1);
		runs.accept(at(AgentOperation.agentRun("research-agent"), "run-0", 0, 0, 0, 100).build());
		assertThat(runs.run("run-0").root().children()).isEmpty();
		runs.accept(at(AgentOperation.agentRun("research-agent"), "run-1", 0, 0, 0, 100).build());
		assertThat(runs.run("run-1").root().children()).hasSize(1);
	}

	@Test
	void failedOperationKeepsItsTypeAndMaskedMessageButNoException() {
		String key = "sk-proj-" + "a1b2c3d4e5f6g7h8i9j0";
		this.runs.accept(at(AgentOperation.modelCall("openai", "gpt-4o"), "run-1", 2, 1, 1, 5)
			.error(new IllegalStateException("401 for key " + key + " " + "x".repeat(400)))
			.build());
		this.runs.accept(at(AgentOperation.agentRun("research-agent"), "run-1", 1, 0, 0, 10).errorType("rate_limited")
			.build());
		RecordedRun run = this.runs.run("run-1");
		RunNode model = run.root().children().get(0);
		assertThat(model.errorType()).isEqualTo("java.lang.IllegalStateException");
		assertThat(model.errorMessage()).startsWith("401 for key ****").doesNotContain(key).hasSize(200);
		assertThat(run.failed()).isTrue();
		assertThat(run.root().errorType()).isEqualTo("rate_limited");
		assertThat(run.root().errorMessage()).isNull();
		assertThat(RunNode.class.getRecordComponents()).noneMatch((component) -> component.getType() == Throwable.class);
	}

	@Test
	void limitsAreCheckedWithTheirNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RecentRuns(0, 10, null))
			.withMessage("maxRuns must be 1 to 100000 (100 suits most services), was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> RecentRuns.checkMaxOperationsPerRun("max", -1))
			.withMessage("max must be 1 to 100000 (200 suits most services), was -1");
	}

	/**
	 * An operation of a run that started {@code startMillis} after {@link #T0} and took
	 * {@code millis}.
	 */
	private static <B extends OperationBuilder<B, ?>> B at(B builder, String runId, long operationId,
			long parentOperationId, long startMillis, long millis) {
		return builder.runId(runId)
			.operationIds(operationId, parentOperationId)
			.endTime(T0.plusMillis(startMillis + millis))
			.duration(Duration.ofMillis(millis));
	}

}
