package dev.agentobs.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import dev.agentobs.internal.observation.AgentOperationDispatcher;
import dev.agentobs.internal.observation.AgentOperationHandler;
import dev.agentobs.observation.ModelCallContext;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.ModelCall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ReactiveModelCall}.
 */
class ReactiveModelCallTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<AgentOperation> operations = new CopyOnWriteArrayList<>();

	private final AgentObservations observations;

	ReactiveModelCallTests() {
		AgentOperationDispatcher dispatcher = new AgentOperationDispatcher(List.of(this.operations::add));
		this.registry.observationConfig().observationHandler(new AgentOperationHandler(dispatcher));
		this.observations = new AgentObservations(this.registry, dispatcher::dispatch);
	}

	@Test
	void chunksFiftyMillisecondsApartGiveOneTimeToFirstChunkBelowTheCallsDuration() {
		String[] runId = new String[1];
		List<String> chunks = this.observations.agent("research-agent").observe((run) -> {
			runId[0] = run.runId();
			return ReactiveModelCall.observe(this.observations.model("openai", "gpt-4o"),
					(call) -> Flux.just("Hel", "lo", "!")
						.delayElements(Duration.ofMillis(50))
						.doOnComplete(() -> call.tokens(12, 3)))
				.collectList()
				.block(Duration.ofSeconds(5));
		});
		assertThat(chunks).containsExactly("Hel", "lo", "!");
		ModelCall call = (ModelCall) this.operations.get(0);
		assertThat(call.runId()).isEqualTo(runId[0]);
		assertThat(call.tokens().input()).isEqualTo(12);
		assertThat(call.stream().chunks()).isEqualTo(3);
		assertThat(call.stream().timeToFirstChunk()).isGreaterThanOrEqualTo(Duration.ofMillis(50))
			.isLessThan(call.duration());
		assertThat(call.stream().timeToLastChunk()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
	}

	@Test
	void theCallsObservationIsInTheReactorContextOfItsSource() {
		List<Observation> seen = ReactiveModelCall.observe(this.observations.model("openai", "gpt-4o"),
				(call) -> Flux.deferContextual(
						(context) -> Flux.just(context.<Observation>get(ObservationThreadLocalAccessor.KEY))))
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(seen).singleElement()
			.satisfies((observation) -> assertThat(observation.getContext()).isInstanceOf(ModelCallContext.class));
	}

	@Test
	void aFailedOrCancelledFluxEndsTheCall() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ReactiveModelCall
				.observe(this.observations.model("openai", "gpt-4o"),
						(call) -> Flux.concat(Flux.just("a"), Flux.error(new IllegalStateException("reset"))))
				.blockLast(Duration.ofSeconds(5)));
		ReactiveModelCall.observe(this.observations.model("openai", "gpt-4o"), (call) -> Flux.just("a", "b", "c"))
			.take(1)
			.blockLast(Duration.ofSeconds(5));
		assertThat(this.operations).extracting(AgentOperation::errorType)
			.containsExactly(IllegalStateException.class.getName(), "cancelled");
		assertThat(((ModelCall) this.operations.get(0)).stream().chunks()).isEqualTo(1);
	}

	@Test
	void withoutARegistryTheFluxIsTheSourceUnobserved() {
		AgentObservations noop = new AgentObservations(ObservationRegistry.NOOP, (operation) -> {
		});
		assertThat(ReactiveModelCall.observe(noop.model("openai", "gpt-4o"), (call) -> Flux.just("a"))
			.blockLast(Duration.ofSeconds(5))).isEqualTo("a");
		assertThat(this.operations).isEmpty();
	}

}
