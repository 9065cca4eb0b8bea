package dev.agentobs.observation;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.Observation;
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

}
