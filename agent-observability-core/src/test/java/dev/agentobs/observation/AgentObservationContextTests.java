package dev.agentobs.observation;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.agentobs.internal.observation.AgentOperationDispatcher;
import dev.agentobs.internal.observation.AgentOperationHandler;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.ToolCall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the contexts' setters: what the work reports from inside is never thrown on the
 * agent's thread, whatever it is.
 */
@ExtendWith(OutputCaptureExtension.class)
class AgentObservationContextTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<AgentOperation> operations = new ArrayList<>();

	AgentObservationContextTests() {
		AgentOperationDispatcher dispatcher = new AgentOperationDispatcher(List.of(this.operations::add));
		this.registry.observationConfig().observationHandler(new AgentOperationHandler(dispatcher));
	}

	@Test
	void aBlankToolTypeIsIgnoredWithAWarningAndTheCallStillRecorded(CapturedOutput output) {
		ToolCallContext context = new ToolCallContext("web_search");
		String result = Observation.createNotStarted("gen_ai.execute_tool", () -> context, this.registry)
			.observe(() -> {
				context.setToolType(" ");
				context.setToolType(null);
				return "found";
			});
		assertThat(result).isEqualTo("found");
		assertThat(this.operations).singleElement()
			.isInstanceOfSatisfying(ToolCall.class, (call) -> assertThat(call.toolType()).isEqualTo("function"));
		assertThat(output).containsOnlyOnce("Ignored: tool type ' ' for tool web_search");
	}

	@Test
	void badModelCallValuesAreIgnoredAndTheGoodOnesKept() {
		ModelCallContext context = new ModelCallContext("openai", "gpt-4o");
		Observation.createNotStarted("gen_ai.client.operation", () -> context, this.registry).observe(() -> {
			context.setOperationName("");
			context.setInputTokens(-1);
			context.setOutputTokens(30);
			context.setCachedInputTokens(-5);
		});
		assertThat(this.operations).singleElement().isInstanceOfSatisfying(ModelCall.class, (call) -> {
			assertThat(call.operationName()).isEqualTo("chat");
			assertThat(call.tokens().input()).isZero();
			assertThat(call.tokens().output()).isEqualTo(30);
			assertThat(call.tokens().cachedInput()).isZero();
		});
	}

	@Test
	void chunksNotedWhileTheCallStreamsAreCountedAndTimedAsTheRecordedStream() {
		ModelCallContext context = new ModelCallContext("openai", "gpt-4o");
		List<Object> seen = new ArrayList<>();
		Observation.createNotStarted("gen_ai.client.operation", () -> context, this.registry).observe(() -> {
			seen.add(context.getChunks());
			seen.add(String.valueOf(context.getTimeToFirstChunk()));
			context.markStreamed();
			context.markChunk();
			// The first chunk came already: not a chunk of its own
			context.markFirstChunk();
			context.markChunk();
			seen.add(context.getChunks());
		});
		assertThat(seen).containsExactly(0L, "null", 2L);
		assertThat(context.getChunks()).isEqualTo(2);
		assertThat(this.operations).singleElement().isInstanceOfSatisfying(ModelCall.class, (call) -> {
			assertThat(call.stream()).isNotNull();
			assertThat(call.stream().chunks()).isEqualTo(2);
			assertThat(call.stream().timeToFirstChunk()).isEqualTo(context.getTimeToFirstChunk())
				.isLessThanOrEqualTo(call.stream().timeToLastChunk());
		});
	}

	@Test
	void blankNamesGivenToAContextBecomeUnknownRatherThanFailingTheStop() {
		ModelCallContext model = new ModelCallContext(" ", "");
		ToolCallContext tool = new ToolCallContext("");
		AgentRunContext run = new AgentRunContext(" ");
		Observation.createNotStarted("gen_ai.client.operation", () -> model, this.registry).observe(() -> {
		});
		Observation.createNotStarted("gen_ai.execute_tool", () -> tool, this.registry).observe(() -> {
		});
		Observation.createNotStarted("gen_ai.invoke_agent", () -> run, this.registry).observe(() -> {
		});
		assertThat(this.operations).extracting(AgentOperation::name).containsExactly("unknown", "unknown", "unknown");
		assertThat(((ModelCall) this.operations.get(0)).providerName()).isEqualTo("unknown");
	}

	@Test
	void keyValuesChangedBetweenStartAndStopAreAddedAgainWhenTheObservationStops() {
		// A handler takes the model's key value away once the observation started; the
		// convention's key values, the same cached ones at start and at stop, bring it back
		this.registry.observationConfig().observationHandler(new ObservationHandler<ModelCallContext>() {

			@Override
			public void onStart(ModelCallContext context) {
				context.removeLowCardinalityKeyValue("gen_ai.request.model");
				context.removeHighCardinalityKeyValues("agent.run.id");
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ModelCallContext;
			}

		});
		ModelCallContext context = new ModelCallContext("openai", "gpt-4o");
		context.setRunId("run-1");
		Observation.createNotStarted(DefaultModelCallObservationConvention.INSTANCE, () -> context, this.registry)
			.observe(() -> assertThat(context.getLowCardinalityKeyValue("gen_ai.request.model")).isNull());
		assertThat(context.getLowCardinalityKeyValue("gen_ai.request.model")).isNotNull();
		assertThat(context.getHighCardinalityKeyValue("agent.run.id")).isNotNull();
	}

	@Test
	void theSameKeyValuesAddedAgainAfterAChangeAreAllThere() {
		ModelCallContext context = new ModelCallContext("openai", "gpt-4o");
		KeyValues keyValues = KeyValues.of("a", "1", "b", "2");
		context.addLowCardinalityKeyValues(keyValues);
		context.addLowCardinalityKeyValue(KeyValue.of("a", "changed"));
		context.addLowCardinalityKeyValues(keyValues);
		context.addHighCardinalityKeyValues(keyValues);
		context.removeHighCardinalityKeyValues("a", "b");
		context.addHighCardinalityKeyValues(keyValues);
		assertThat(context.getLowCardinalityKeyValue("a")).isEqualTo(KeyValue.of("a", "1"));
		assertThat(context.getHighCardinalityKeyValues()).containsExactlyInAnyOrderElementsOf(keyValues);
	}

}
