package dev.agentobs.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.agentobs.internal.observation.AgentOperationDispatcher;
import dev.agentobs.internal.observation.AgentOperationHandler;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.ResponseStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the streaming forms of {@link ModelCallObservation} and {@link ModelCallStream}.
 */
class ModelCallStreamingTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<AgentOperation> operations = new CopyOnWriteArrayList<>();

	private final AgentObservations observations;

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	ModelCallStreamingTests() {
		AgentOperationDispatcher dispatcher = new AgentOperationDispatcher(List.of(this.operations::add));
		this.registry.observationConfig().observationHandler(new AgentOperationHandler(dispatcher));
		this.observations = new AgentObservations(this.registry, dispatcher::dispatch);
	}

	@AfterEach
	void stopExecutor() throws InterruptedException {
		this.executor.shutdownNow();
		this.executor.awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void chunksReadInsideTheWorkGiveTheTimeToFirstChunkAndTheChunkCount() {
		this.observations.model("openai", "gpt-4o").observe((call) -> {
			pause(30);
			call.chunk();
			pause(20);
			call.chunk().chunk();
			return call.tokens(10, 3);
		});
		ModelCall call = (ModelCall) this.operations.get(0);
		ResponseStream stream = call.stream();
		assertThat(call.streamed()).isTrue();
		assertThat(stream).isNotNull();
		assertThat(stream.chunks()).isEqualTo(3);
		assertThat(stream.timeToFirstChunk()).isGreaterThanOrEqualTo(Duration.ofMillis(30))
			.isLessThan(stream.timeToLastChunk());
		assertThat(stream.timeToLastChunk()).isGreaterThanOrEqualTo(Duration.ofMillis(50))
			.isLessThanOrEqualTo(call.duration());
	}

	@Test
	void firstChunkCountsOnceAndACallWithoutChunksIsNotStreamed() {
		this.observations.model("openai", "gpt-4o").observe((call) -> call.firstChunk().firstChunk());
		this.observations.model("openai", "gpt-4o").observe((call) -> call.tokens(1, 1));
		assertThat(((ModelCall) this.operations.get(0)).stream()).extracting(ResponseStream::chunks).isEqualTo(1L);
		assertThat(((ModelCall) this.operations.get(1)).stream()).isNull();
		assertThat(((ModelCall) this.operations.get(1)).streamed()).isFalse();
	}

	@Test
	void aStreamThatFailsBeforeItsFirstChunkIsStreamedWithoutChunks() {
		assertThatIllegalStateException().isThrownBy(() -> this.observations.model("openai", "gpt-4o").stream()
			.observe((call) -> {
				throw new IllegalStateException("connection reset");
			}));
		ModelCall call = (ModelCall) this.operations.get(0);
		assertThat(call.stream()).isSameAs(ResponseStream.NO_CHUNKS);
		assertThat(call.errorType()).isEqualTo(IllegalStateException.class.getName());
	}

	@Test
	void aCallbackStreamEndingOnAnotherThreadStaysInsideItsRun() {
		String[] runId = new String[1];
		List<ModelCallStream> streams = new ArrayList<>();
		this.observations.agent("research-agent").observe((run) -> {
			runId[0] = run.runId();
			return streams.add(this.observations.model("anthropic", "claude-sonnet-4").startStream());
		});
		ModelCallStream stream = streams.get(0);
		this.executor.execute(() -> {
			pause(20);
			stream.chunk();
			// Work the callback does belongs to the call, as if it ran where the call started
			stream.run(() -> this.observations.tool("store_answer").observe(() -> "stored"));
			stream.chunk().tokens(40, 12).cachedInputTokens(32).responseModel("claude-sonnet-4-5");
			stream.complete();
			stream.fail(new IllegalStateException("late"));
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> this.operations.size() == 3);
		ModelCall call = (ModelCall) this.operations.get(2);
		assertThat(this.operations.get(0).kind()).isEqualTo(AgentOperation.Kind.AGENT_RUN);
		assertThat(this.operations.get(1).runId()).isEqualTo(runId[0]);
		assertThat(call.runId()).isEqualTo(runId[0]);
		assertThat(call.failed()).isFalse();
		assertThat(call.tokens().input()).isEqualTo(40);
		assertThat(call.tokens().cachedInput()).isEqualTo(32);
		assertThat(call.responseModel()).isEqualTo("claude-sonnet-4-5");
		assertThat(call.stream().chunks()).isEqualTo(2);
		assertThat(call.stream().timeToFirstChunk()).isGreaterThanOrEqualTo(Duration.ofMillis(20));
		assertThat(this.registry.getCurrentObservation()).isNull();
	}

	@Test
	void anIteratorOfChunksCompletesTheCallWhenItHasNoMore() {
		Iterator<String> chunks = this.observations.model("openai", "gpt-4o")
			.startStream()
			.observe(List.of("Hel", "lo", "!").iterator());
		StringBuilder answer = new StringBuilder();
		chunks.forEachRemaining(answer::append);
		assertThat(answer).hasToString("Hello!");
		assertThat(this.operations).hasSize(1);
		assertThat(((ModelCall) this.operations.get(0)).stream().chunks()).isEqualTo(3);
	}

	@Test
	void aStreamItsConsumerLeavesIsRecordedAsCancelled() {
		ModelCallStream stream = this.observations.model("openai", "gpt-4o").startStream();
		stream.chunk();
		stream.cancel();
		stream.chunk();
		ModelCall call = (ModelCall) this.operations.get(0);
		assertThat(call.errorType()).isEqualTo("cancelled");
		assertThat(call.stream().chunks()).isEqualTo(1);
	}

	@Test
	void aFailedStreamCarriesItsError() {
		this.observations.model("openai", "gpt-4o").startStream().chunk().fail(new IllegalStateException("reset"));
		assertThat(this.operations.get(0).errorType()).isEqualTo(IllegalStateException.class.getName());
	}

	@Test
	void withoutARegistryStreamsAreOneSharedNoOp() {
		AgentObservations noop = new AgentObservations(ObservationRegistry.NOOP, (operation) -> {
		});
		ModelCallStream stream = noop.model("openai", "gpt-4o").startStream();
		assertThat(stream).isSameAs(ModelCallStream.NOOP);
		Iterator<String> chunks = List.of("a").iterator();
		assertThat(stream.chunk().tokens(1, 1).observe(chunks)).isSameAs(chunks);
		stream.complete();
		assertThat(this.operations).isEmpty();
	}

	@Test
	void cacheAndReasoningTokensReachTheOperationFromTheCallAndTheStream() {
		this.observations.model("openai", "o3")
			.observe((call) -> call.tokens(2000, 900).cacheReadTokens(1536).cacheWriteTokens(256).reasoningTokens(700));
		this.observations.model("anthropic", "claude-sonnet-4")
			.startStream()
			.chunk()
			.tokens(300, 40)
			.cacheReadTokens(128)
			.cacheWriteTokens(64)
			.reasoningTokens(-1)
			.complete();
		assertThat(((ModelCall) this.operations.get(0)).tokens())
			.isEqualTo(new dev.agentobs.operation.TokenUsage(2000, 900, 1536, 256, 700));
		assertThat(((ModelCall) this.operations.get(1)).tokens())
			.isEqualTo(new dev.agentobs.operation.TokenUsage(300, 40, 128, 64, 0));
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
