package dev.agentobs.operation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sink that keeps what the bridges record: what statistics, cost and health receive.
 */
public class RecordingSink implements AgentOperationSink {

	private final List<AgentOperation> operations = new CopyOnWriteArrayList<>();

	@Override
	public void accept(AgentOperation operation) {
		this.operations.add(operation);
	}

	/**
	 * Every operation recorded, in the order they finished.
	 * @return the operations
	 */
	public List<AgentOperation> operations() {
		return this.operations;
	}

	/**
	 * The operations of one kind.
	 * @param kind the kind
	 * @return the operations
	 */
	public List<AgentOperation> of(AgentOperation.Kind kind) {
		return this.operations.stream().filter((operation) -> operation.kind() == kind).toList();
	}

	/**
	 * The one operation of a kind, failing the test when there are none or several.
	 * @param kind the kind
	 * @return the operation
	 */
	public AgentOperation only(AgentOperation.Kind kind) {
		List<AgentOperation> found = of(kind);
		assertThat(found).as("%s operations", kind).hasSize(1);
		return found.get(0);
	}

}
