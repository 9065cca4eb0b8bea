package dev.agentobs.api;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.agentobs.internal.observation.AgentOperationDispatcher;
import dev.agentobs.internal.observation.AgentOperationHandler;
import dev.agentobs.observation.AgentObservationContext;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentStep;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.ToolCall;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link AgentObservations}.
 */
@ExtendWith(OutputCaptureExtension.class)
class AgentObservationsTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<AgentOperation> operations = new ArrayList<>();

	private final AgentObservations observations;

	AgentObservationsTests() {
		AgentOperationDispatcher dispatcher = new AgentOperationDispatcher(List.of(this.operations::add));
		this.registry.observationConfig().observationHandler(new AgentOperationHandler(dispatcher));
		this.observations = new AgentObservations(this.registry, dispatcher::dispatch);
	}

	@Test
	void agentRunIsObservedWithNameKeyValuesAndRunId() {
		String[] runId = new String[1];
		String answer = this.observations.agent("research-agent").conversationId("conv-7").observe((run) -> {
			runId[0] = run.runId();
			return "42";
		});
		assertThat(answer).isEqualTo("42");
		assertThat(runId[0]).hasSize(36);
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("gen_ai.invoke_agent")
			.hasContextualNameEqualTo("invoke_agent research-agent")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "invoke_agent")
			.hasLowCardinalityKeyValue("gen_ai.agent.name", "research-agent")
			.hasHighCardinalityKeyValue("gen_ai.conversation.id", "conv-7")
			.hasHighCardinalityKeyValue("agent.run.id", runId[0])
			.doesNotHaveLowCardinalityKeyValueWithKey("error.type")
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void operationsInsideARunInheritItsAgentRunAndConversation() {
		this.observations.agent("research-agent").conversationId("conv-7").observe(() -> {
			this.observations.step(2).observe(() -> this.observations.tool("calculator").observe(() -> 4));
		});
		assertThat(this.operations).extracting(AgentOperation::kind)
			.containsExactly(AgentOperation.Kind.TOOL_CALL, AgentOperation.Kind.AGENT_STEP,
					AgentOperation.Kind.AGENT_RUN);
		AgentOperation tool = this.operations.get(0);
		AgentStep step = (AgentStep) this.operations.get(1);
		AgentOperation run = this.operations.get(2);
		assertThat(tool.agentName()).isEqualTo("research-agent");
		assertThat(tool.runId()).isEqualTo(run.runId()).isNotNull();
		assertThat(tool.scope().conversationId()).isEqualTo("conv-7");
		assertThat(step.stepNumber()).isEqualTo(2);
		assertThat(step.name()).isEqualTo("research-agent");
		assertThat(this.registry).hasObservationWithNameEqualTo("agent.step")
			.that()
			.hasContextualNameEqualTo("step 2 research-agent");
	}

	@Test
	void modelCallCarriesTokensAndResponseModelToTheOperation() {
		this.observations.model("openai", "gpt-4o")
			.observe((call) -> call.tokens(120, 30).cachedInputTokens(100).responseModel("gpt-4o-2024-08-06"));
		AgentOperation operation = this.operations.get(0);
		assertThat(operation.kind()).isEqualTo(AgentOperation.Kind.MODEL_CALL);
		ModelCall call = (ModelCall) operation;
		assertThat(call.tokens().input()).isEqualTo(120);
		assertThat(call.tokens().output()).isEqualTo(30);
		assertThat(call.tokens().cachedInput()).isEqualTo(100);
		assertThat(call.responseModel()).isEqualTo("gpt-4o-2024-08-06");
		assertThat(operation.agentName()).isNull();
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("gen_ai.client.operation")
			.hasContextualNameEqualTo("chat gpt-4o")
			.hasLowCardinalityKeyValue("gen_ai.provider.name", "openai")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "gpt-4o");
	}

	@Test
	void negativeTokensAreIgnoredWithoutFailingTheCall() {
		String result = this.observations.model("openai", "gpt-4o").observe((call) -> {
			call.tokens(-1, 10);
			return "ok";
		});
		assertThat(result).isEqualTo("ok");
		assertThat(((ModelCall) this.operations.get(0)).tokens().input()).isZero();
		assertThat(this.operations.get(0).failed()).isFalse();
	}

	@Test
	void errorIsRecordedAndRethrown() {
		IllegalStateException failure = new IllegalStateException("sandbox crashed");
		assertThatIllegalStateException().isThrownBy(() -> this.observations.codeExecution("python").observe(() -> {
			throw failure;
		})).isSameAs(failure);
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("agent.code.execution")
			.hasContextualNameEqualTo("execute_code python")
			.hasLowCardinalityKeyValue("error.type", "java.lang.IllegalStateException")
			.assertThatError()
			.isSameAs(failure);
		assertThat(this.operations.get(0).errorType()).isEqualTo("java.lang.IllegalStateException");
	}

	@Test
	void errorTypeMarksAFailureWithoutException() {
		this.observations.tool("web_search").errorType("rate_limited").observe(() -> {
		});
		assertThat(this.operations.get(0).errorType()).isEqualTo("rate_limited");
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("error.type", "rate_limited");
	}

	@Test
	void checkedExceptionsPassThrough() {
		java.io.IOException failure = new java.io.IOException("connection reset");
		org.assertj.core.api.Assertions
			.assertThatIOException()
			.isThrownBy(() -> this.observations.model("openai", "gpt-4o").observeChecked((call) -> {
				throw failure;
			}))
			.isSameAs(failure);
		assertThat(this.operations.get(0).errorType()).isEqualTo("java.io.IOException");
	}

	@Test
	void anOperationObservedAgainRunsTheWorkUnobservedWithAWarningNamingTheCaller(CapturedOutput output) {
		ToolCallObservation call = this.observations.tool("web_search");
		call.observe(() -> {
		});
		assertThat((String) call.observe(() -> "ran again")).isEqualTo("ran again");
		assertThat(this.operations).hasSize(1);
		assertThat(output).contains("ToolCallObservation was already observed and runs unobserved now")
			.contains("called from dev.agentobs.api.AgentObservationsTests."
					+ "anOperationObservedAgainRunsTheWorkUnobservedWithAWarningNamingTheCaller(AgentObservationsTests.java:");
	}

	@Test
	void nullOrBlankNamesRunTheWorkAndAreRecordedAsInvalidWithAWarningNamingTheCaller(CapturedOutput output) {
		assertThat((String) this.observations.tool("").observe(() -> "found")).isEqualTo("found");
		assertThat((String) this.observations.tool(" \t").observe(() -> "found")).isEqualTo("found");
		assertThat((String) this.observations.agent(null).observe(() -> "answer")).isEqualTo("answer");
		assertThat((String) this.observations.model("openai", null).observe((call) -> "reply")).isEqualTo("reply");
		assertThat((String) this.observations.codeExecution("").observe(() -> "ran")).isEqualTo("ran");
		assertThat(this.operations).extracting(AgentOperation::name)
			.containsExactly("_INVALID", "_INVALID", "_INVALID", "_INVALID", "_INVALID");
		assertThat(AgentObservations.INVALID_NAME).isEqualTo("_INVALID");
		assertThat(output).contains("toolName must not be null or blank, was ''; recorded as _INVALID (called from "
				+ "dev.agentobs.api.AgentObservationsTests."
				+ "nullOrBlankNamesRunTheWorkAndAreRecordedAsInvalidWithAWarningNamingTheCaller(AgentObservationsTests.java:")
			.contains("agentName must not be null or blank, was null; recorded as _INVALID")
			.contains("requestModel must not be null or blank, was null; recorded as _INVALID");
		// Throttled: one warning a minute per argument, however many calls
		assertThat(output.toString().split("toolName must not be null", -1)).hasSize(2);
	}

	@Test
	void invalidSettingsAreIgnoredAndAStepNumberedBelowOneRunsUnobserved(CapturedOutput output) {
		String result = this.observations.tool("web_search").type(" ").observe(() -> "found");
		assertThat(result).isEqualTo("found");
		assertThat((String) this.observations.model("openai", "gpt-4o").operation(null).observe((call) -> "reply"))
			.isEqualTo("reply");
		String runId = this.observations.agent("research-agent").runId("").observe((run) -> run.runId());
		assertThat(runId).hasSize(36);
		assertThat((String) this.observations.step(0).observe(() -> "stepped")).isEqualTo("stepped");
		assertThat(this.operations).hasSize(3);
		assertThat(this.operations.get(0)).isInstanceOfSatisfying(ToolCall.class,
				(call) -> assertThat(call.toolType()).isEqualTo("function"));
		assertThat(this.operations.get(1).operationName()).isEqualTo("chat");
		assertThat(output).contains("toolType must not be null or blank, was ' '; ignored")
			.contains("operationName must not be null or blank, was null; ignored")
			.contains("runId must not be null or blank, was ''; ignored")
			.contains("stepNumber must be 1 or more, was 0; the step runs unobserved");
	}

	@Test
	void noopRegistryRunsTheWorkAndRecordsNothing() {
		AgentObservations noop = new AgentObservations(ObservationRegistry.NOOP, this.operations::add);
		ModelCallObservation call = noop.model("openai", "gpt-4o");
		assertThat(call).isSameAs(noop.model("openai", "gpt-4o-mini"));
		boolean handedItself = call.observe((handle) -> handle.tokens(1, 2) == handle);
		assertThat(handedItself).isTrue();
		assertThat(noop.agent("a").observe(() -> "answer")).isEqualTo("answer");
		assertThat(this.operations).isEmpty();
	}

	@Test
	void noopFacadeRunsTheWork() {
		AgentObservations noop = AgentObservations.noop();
		assertThat(noop.tool("web_search").observe(() -> "found")).isEqualTo("found");
		assertThat(noop.agent("a").runId()).isNull();
	}

	@Test
	void recordedOperationsReachTheSinks() {
		AgentOperation operation = AgentOperation.toolCall("web_search").build();
		this.observations.record(operation);
		assertThat(this.operations).containsExactly(operation);
		assertThat(this.registry).doesNotHaveAnyObservation();
	}

	@Test
	void contextsAreAgentObservationContexts() {
		this.observations.step(1).observe(() -> {
		});
		assertThat(this.registry).hasSingleObservationThat()
			.satisfies((context) -> assertThat(context).isInstanceOf(AgentObservationContext.class));
	}

}
