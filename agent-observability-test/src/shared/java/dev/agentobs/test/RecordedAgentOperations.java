package dev.agentobs.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.util.Assert;

import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;

/**
 * Every agent operation that finished in the application under test, in the order they
 * finished: a step ends before its run, so it comes first. As an {@link AgentOperationSink}
 * bean it receives operations observed through {@code AgentObservations} and those
 * {@code record}ed from elsewhere, on whatever thread they finished. Safe to use from many
 * threads. {@link AutoConfigureAgentObservability @AutoConfigureAgentObservability} defines
 * one and clears it before each test.
 *
 * <pre class="code">
 * &#064;Autowired RecordedAgentOperations recorded;
 *
 * assertThat(recorded).hasAgentRun("research-agent").withSteps(3).hasNoErrors();
 * </pre>
 *
 * @since 0.1.0
 * @see AgentObservabilityAssertions#assertThat(RecordedAgentOperations)
 */
public final class RecordedAgentOperations implements AgentOperationSink {

	private final ConcurrentLinkedQueue<AgentOperation> operations = new ConcurrentLinkedQueue<>();

	private final ModelPrices prices;

	/**
	 * Create a recorder with no model prices.
	 */
	public RecordedAgentOperations() {
		this(ModelPrices.none());
	}

	/**
	 * Create a recorder whose cost assertions use the given prices.
	 * @param prices the prices of the models the application calls
	 */
	public RecordedAgentOperations(ModelPrices prices) {
		Assert.notNull(prices, "prices must not be null");
		this.prices = prices;
	}

	@Override
	public void accept(AgentOperation operation) {
		this.operations.add(operation);
	}

	/**
	 * The operations recorded so far.
	 * @return an unmodifiable snapshot, in the order the operations finished
	 */
	public List<AgentOperation> operations() {
		return List.copyOf(this.operations);
	}

	/**
	 * The operations of one kind recorded so far.
	 * @param kind the kind of operation
	 * @return an unmodifiable snapshot, in the order the operations finished
	 */
	public List<AgentOperation> operations(AgentOperation.Kind kind) {
		List<AgentOperation> result = new ArrayList<>();
		for (AgentOperation operation : this.operations) {
			if (operation.kind() == kind) {
				result.add(operation);
			}
		}
		return List.copyOf(result);
	}

	/**
	 * The operations of one agent run: the run itself and every operation that carries its
	 * run id. A sub-agent started inside the run is a run of its own, with its own id: neither
	 * it nor its steps and calls are operations of the enclosing run.
	 * @param runId the run's id
	 * @return an unmodifiable snapshot, in the order the operations finished
	 */
	public List<AgentOperation> operationsOfRun(String runId) {
		List<AgentOperation> result = new ArrayList<>();
		for (AgentOperation operation : this.operations) {
			if (runId.equals(operation.runId())) {
				result.add(operation);
			}
		}
		return List.copyOf(result);
	}

	/**
	 * The prices that cost assertions use unless given others: by default the application's,
	 * under {@code monitoring.cost}, with the price catalogue.
	 * @return the model prices
	 */
	public ModelPrices prices() {
		return this.prices;
	}

	/**
	 * Forget every operation recorded so far.
	 */
	public void clear() {
		this.operations.clear();
	}

	@Override
	public String toString() {
		return "RecordedAgentOperations" + operations();
	}

}
