package dev.agentobs.internal.cost;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.cost.AgentBudget;
import dev.agentobs.cost.AgentBudgetExceededException;
import dev.agentobs.cost.AgentUsage;
import dev.agentobs.cost.AgentUsageContext;
import dev.agentobs.cost.AgentUsageListener;
import dev.agentobs.cost.BudgetLimit;
import dev.agentobs.cost.ModelPrice;
import dev.agentobs.event.AgentEvent;
import dev.agentobs.internal.bridge.springai.OpenAiCompatibleServer;
import dev.agentobs.internal.logging.AgentLogEvents;
import dev.agentobs.internal.logging.AgentUsageLog;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.internal.observation.AgentOperationDispatcher;
import dev.agentobs.internal.observation.AgentOperationHandler;
import dev.agentobs.internal.stats.OperationStatistics;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentRun;
import dev.agentobs.operation.RunUsage;
import dev.agentobs.stats.RunCost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link RunLedgers}: the cost of each run and the budgets that stop one, through the
 * facade.
 */
@ExtendWith(OutputCaptureExtension.class)
class RunLedgersTests {

	private static final CostCalculator CALCULATOR = new CostCalculator(Map.of(), PriceCatalogue.bundled(), Map.of());

	private final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final HttpClient http = HttpClient.newHttpClient();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final List<AgentOperation> operations = new ArrayList<>();

	private final List<AgentUsage> usages = new ArrayList<>();

	private final List<AgentUsageListener> usageListeners = new ArrayList<>(List.of(this.usages::add));

	private final OperationStatistics statistics = new OperationStatistics(Duration.ofMinutes(5),
			new TagValueLimits(100), Clock.systemUTC(), null, null);

	@AfterEach
	void closeServer() {
		this.server.close();
	}

	private AgentObservations observations(RunLedgers ledgers) {
		ObservationRegistry registry = ObservationRegistry.create();
		AgentOperationDispatcher dispatcher = new AgentOperationDispatcher(
				List.of(ledgers, this.statistics, new AgentLogEvents(), this.operations::add));
		registry.observationConfig().observationHandler(new AgentOperationHandler(dispatcher, ledgers));
		return new AgentObservations(registry, dispatcher::dispatch);
	}

	private RunLedgers ledgers(Map<String, AgentBudget> budgets, boolean enforce) {
		return new RunLedgers(budgets, enforce, () -> CALCULATOR,
				() -> new BudgetStopMetrics(this.meters, new TagValueLimits(100)), () -> this.usageListeners, Clock.systemUTC(), ZoneOffset.UTC);
	}

	// One call of the loopback model server: 12 input and 3 output tokens of gpt-4o
	private void callModel(AgentObservations observations) {
		observations.model("openai", OpenAiCompatibleServer.MODEL).observe((call) -> {
			try {
				HttpResponse<String> response = this.http.send(
						HttpRequest.newBuilder(URI.create(this.server.baseUrl() + "/chat/completions"))
							.POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o\",\"messages\":[]}"))
							.build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).isEqualTo(200);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			call.tokens(12, 3);
			return null;
		});
	}

	private static double gpt4oCost(long input, long output) {
		ModelPrice price = CALCULATOR.priceOf(OpenAiCompatibleServer.MODEL);
		assertThat(price).isNotNull();
		return price.cost(input, 0, output);
	}

	private AgentRun run(String agentName) {
		return this.operations.stream()
			.filter((operation) -> operation instanceof AgentRun run && run.agentName().equals(agentName))
			.map(AgentRun.class::cast)
			.reduce((first, second) -> second)
			.orElseThrow();
	}

	@Test
	void runCostIsTheSumOfItsModelCallsAndItsSubAgents(CapturedOutput output) {
		AgentObservations observations = observations(ledgers(Map.of(), true));
		observations.agent("planner").observe(() -> {
			callModel(observations);
			observations.step(1).observe(() -> observations.tool("search").observe(() -> "found"));
			observations.agent("researcher").observe(() -> {
				callModel(observations);
				callModel(observations);
			});
		});
		RunUsage planner = run("planner").usage();
		RunUsage researcher = run("researcher").usage();
		assertThat(researcher.modelCalls()).isEqualTo(2);
		assertThat(researcher.tokens().input()).isEqualTo(24);
		assertThat(researcher.cost()).isCloseTo(gpt4oCost(24, 6), within(1e-12));
		assertThat(planner.modelCalls()).isEqualTo(3);
		assertThat(planner.toolCalls()).isEqualTo(1);
		assertThat(planner.steps()).isEqualTo(1);
		assertThat(planner.tokens().input()).isEqualTo(36);
		assertThat(planner.tokens().output()).isEqualTo(9);
		assertThat(planner.costKnown()).isTrue();
		assertThat(planner.cost()).isCloseTo(gpt4oCost(36, 9), within(1e-12)).isPositive();
		assertThat(AgentEvent.of(run("planner")).attributes()).containsEntry("agent.run.cost_usd", planner.cost())
			.containsEntry("gen_ai.usage.input_tokens", 36L);
		// 36 x 2.50 + 9 x 10.00 USD per million tokens
		assertThat(output).containsPattern("Agent run planner finished in \\d+ ms "
				+ "\\(3 model calls, 36 input, 9 output tokens, \\$0\\.00018\\)");
	}

	@Test
	void statisticsHaveTheAverageAndP95CostPerRunOfEachAgent() {
		AgentObservations observations = observations(ledgers(Map.of(), true));
		for (int calls = 1; calls <= 20; calls++) {
			int count = calls;
			observations.agent("looper").observe(() -> {
				for (int i = 0; i < count; i++) {
					callModel(observations);
				}
			});
		}
		RunCost cost = this.statistics.snapshot().agents().get("looper").runCost();
		assertThat(cost.runs()).isEqualTo(20);
		// 1 to 20 calls: the mean is 10.5 calls, the 95th percentile (nearest rank 19) 19 calls
		assertThat(cost.average()).isCloseTo(10.5 * gpt4oCost(12, 3), within(1e-9));
		assertThat(cost.p95()).isCloseTo(gpt4oCost(19 * 12, 19 * 3), within(1e-9));
	}

	@Test
	void loopThatKeepsCallingAModelStopsAtMaxTokens(CapturedOutput output) {
		AgentObservations observations = observations(
				ledgers(Map.of("looper", AgentBudget.unlimited().maxTokens(40)), true));
		int[] calls = new int[1];
		assertThatExceptionOfType(AgentBudgetExceededException.class)
			.isThrownBy(() -> observations.agent("looper").observe(() -> {
				for (int i = 0; i < 10; i++) {
					callModel(observations);
					calls[0]++;
				}
			}))
			.satisfies((ex) -> {
				assertThat(ex.getLimit()).isEqualTo(BudgetLimit.MAX_TOKENS);
				assertThat(ex.getMessage()).contains("max-tokens is 40 tokens", "spent 45 tokens",
						"monitoring.budgets.agents.looper.max-tokens");
			});
		// 15 tokens a call: the third reaches 45, the fourth is stopped before its request
		assertThat(calls[0]).isEqualTo(3);
		assertThat(this.server.requests()).hasSize(3);
		AgentRun run = run("looper");
		assertThat(run.errorType()).isEqualTo("budget_exceeded");
		assertThat(run.usage().modelCalls()).isEqualTo(3);
		assertThat(this.meters.get("agent.budget.exceeded").tag("gen_ai.agent.name", "looper")
			.tag("limit", "max-tokens").counter().count()).isEqualTo(1);
		assertThat(output).containsOnlyOnce("stopped by its budget");
	}

	@Test
	void runThatCatchesItsBudgetStopAndEndsNormallyStillEndsBudgetExceeded() {
		AgentObservations observations = observations(
				ledgers(Map.of("catcher", AgentBudget.unlimited().maxModelCalls(1)), true));
		List<AgentBudgetExceededException> caught = new ArrayList<>();
		observations.agent("catcher").observe(() -> {
			callModel(observations);
			try {
				callModel(observations);
			}
			catch (AgentBudgetExceededException ex) {
				caught.add(ex);
			}
		});
		assertThat(caught).singleElement()
			.satisfies((ex) -> assertThat(ex.getLimit()).isEqualTo(BudgetLimit.MAX_MODEL_CALLS));
		AgentRun run = run("catcher");
		assertThat(run.outcome().error()).isNull();
		assertThat(run.errorType()).isEqualTo("budget_exceeded");
	}

	@Test
	void reportModeLetsTheLoopGoOnAndCountsTheStopOnce(CapturedOutput output) {
		AgentObservations observations = observations(
				ledgers(Map.of("looper", AgentBudget.unlimited().maxTokens(40)), false));
		observations.agent("looper").observe(() -> {
			for (int i = 0; i < 6; i++) {
				callModel(observations);
			}
		});
		assertThat(this.server.requests()).hasSize(6);
		assertThat(run("looper").failed()).isFalse();
		assertThat(this.meters.get("agent.budget.exceeded").counter().count()).isEqualTo(1);
		assertThat(output).containsOnlyOnce("monitoring.budgets.mode=report: the run goes on");
	}

	@Test
	void budgetGivenToARunStopsItsNextToolCall() {
		AgentObservations observations = observations(ledgers(Map.of(), true));
		List<String> ran = new ArrayList<>();
		assertThatExceptionOfType(AgentBudgetExceededException.class)
			.isThrownBy(() -> observations.agent("tooler").budget(AgentBudget.unlimited().maxToolCalls(2)).observe(() -> {
				for (int i = 0; i < 5; i++) {
					observations.tool("search").observe(() -> ran.add("search"));
				}
			}))
			.withMessageContaining("the run's AgentBudget");
		assertThat(ran).hasSize(2);
		assertThat(run("tooler").errorType()).isEqualTo("budget_exceeded");
	}

	@Test
	void subAgentIsStoppedByItsParentsBudget() {
		AgentObservations observations = observations(
				ledgers(Map.of("planner", AgentBudget.unlimited().maxModelCalls(2)), true));
		assertThatExceptionOfType(AgentBudgetExceededException.class)
			.isThrownBy(() -> observations.agent("planner").observe(() -> {
				callModel(observations);
				observations.agent("researcher").observe(() -> {
					for (int i = 0; i < 5; i++) {
						callModel(observations);
					}
				});
			}))
			.satisfies((ex) -> assertThat(ex.getAgentName()).isEqualTo("planner"));
		assertThat(this.server.requests()).hasSize(2);
		assertThat(run("researcher").errorType()).isEqualTo("budget_exceeded");
		assertThat(run("planner").errorType()).isEqualTo("budget_exceeded");
	}

	@Test
	void usageOfEachRunReachesTheListenersAndTheJsonLogWithItsUserAndTenant(CapturedOutput output) {
		this.usageListeners.add((usage) -> {
			throw new IllegalStateException("billing is down");
		});
		this.usageListeners.add(new AgentUsageLog());
		AgentObservations observations = observations(ledgers(Map.of(), true));
		String[] runId = new String[1];
		try (AgentUsageContext.Scope scope = AgentUsageContext.with("user-from-request", "acme", "conv-9")) {
			observations.agent("planner").user("user-42").observe((run) -> {
				runId[0] = run.runId();
				callModel(observations);
				observations.agent("researcher").observe(() -> callModel(observations));
				return null;
			});
		}
		assertThat(this.usages).extracting(AgentUsage::agentName).containsExactly("researcher", "planner");
		AgentUsage planner = this.usages.get(1);
		AgentUsage researcher = this.usages.get(0);
		double cost = gpt4oCost(24, 6);
		assertThat(planner.runId()).isEqualTo(runId[0]);
		assertThat(planner.parentRunId()).isNull();
		assertThat(planner.userId()).isEqualTo("user-42");
		assertThat(planner.tenantId()).isEqualTo("acme");
		assertThat(planner.conversationId()).isEqualTo("conv-9");
		assertThat(planner.tokens().input()).isEqualTo(24);
		assertThat(planner.tokens().output()).isEqualTo(6);
		assertThat(planner.cost()).isCloseTo(cost, within(1e-12));
		assertThat(planner.modelCalls()).isEqualTo(2);
		assertThat(planner.outcome()).isEqualTo("success");
		// A sub-agent works for its parent's user
		assertThat(researcher.parentRunId()).isEqualTo(runId[0]);
		assertThat(researcher.userId()).isEqualTo("user-42");
		assertThat(researcher.tokens().input()).isEqualTo(12);
		assertThat(output).contains("\"runId\":\"" + runId[0] + "\",\"parentRunId\":null,\"agent\":\"planner\","
				+ "\"user\":\"user-42\",\"tenant\":\"acme\",\"conversation\":\"conv-9\","
				+ "\"tokens\":{\"input\":24,\"output\":6,\"cacheRead\":0,\"cacheWrite\":0,\"reasoning\":0},"
				+ "\"costUsd\":" + new java.math.BigDecimal(Double.toString(planner.cost())).toPlainString()
				+ ",\"modelCalls\":2,\"toolCalls\":0,\"steps\":0,")
			.contains("\"outcome\":\"success\"}")
			.contains("Agent usage listener", "failed on run", "the agent is not affected");
		assertThat(AgentUsageContext.current()).isNull();
	}

	@Test
	void runsWithoutBudgetsAreNeverStopped() {
		AgentObservations observations = observations(ledgers(Map.of(), true));
		observations.agent("free").observe(() -> {
			for (int i = 0; i < 5; i++) {
				callModel(observations);
			}
		});
		assertThat(this.server.requests()).hasSize(5);
		assertThat(this.meters.find("agent.budget.exceeded").counter()).isNull();
	}

}
