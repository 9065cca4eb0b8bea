package dev.agentobs.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.agentobs.observation.GenAiAttributes;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentRun;
import dev.agentobs.operation.AgentStep;
import dev.agentobs.operation.CodeExecution;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.OperationScope;
import dev.agentobs.operation.RunUsage;
import dev.agentobs.operation.ToolCall;

/**
 * The attributes of an {@link AgentEvent}: an immutable map read from the operation the first
 * time a listener looks at it. Every event is made on the agent's thread, and most listeners
 * read a few attributes or none: building a map per event up front would cost every operation
 * what only some listeners use. Iterates in a fixed order: the operation, agent and run, then
 * what the kind of operation has.
 *
 * @since 0.1.0
 */
final class OperationAttributes extends AbstractMap<String, Object> {

	private static final Object[] NONE = {};

	private final AgentOperation operation;

	// Keys and values by turns; written once, safely published by the volatile write
	private volatile Object @Nullable [] keysAndValues;

	OperationAttributes(AgentOperation operation) {
		this.operation = operation;
	}

	private Object[] keysAndValues() {
		Object[] keysAndValues = this.keysAndValues;
		if (keysAndValues == null) {
			keysAndValues = read(this.operation);
			this.keysAndValues = keysAndValues;
		}
		return keysAndValues;
	}

	private static Object[] read(AgentOperation operation) {
		Object[] read = new Object[2 * 16];
		int size = 0;
		OperationScope scope = operation.scope();
		size = put(read, size, GenAiAttributes.OPERATION_NAME, operation.operationName());
		size = put(read, size, GenAiAttributes.AGENT_NAME, scope.agentName());
		size = put(read, size, GenAiAttributes.AGENT_ID, scope.agentId());
		size = put(read, size, GenAiAttributes.AGENT_RUN_ID, scope.runId());
		size = put(read, size, GenAiAttributes.CONVERSATION_ID, scope.conversationId());
		if (operation instanceof AgentStep step) {
			size = put(read, size, GenAiAttributes.AGENT_STEP_NUMBER, step.stepNumber());
		}
		else if (operation instanceof AgentRun run && run.usage().modelCalls() > 0) {
			RunUsage usage = run.usage();
			size = put(read, size, GenAiAttributes.USAGE_INPUT_TOKENS, usage.tokens().input());
			size = put(read, size, GenAiAttributes.USAGE_OUTPUT_TOKENS, usage.tokens().output());
			size = put(read, size, GenAiAttributes.AGENT_RUN_COST, usage.costKnown() ? usage.cost() : null);
		}
		else if (operation instanceof ModelCall call) {
			size = put(read, size, GenAiAttributes.PROVIDER_NAME, call.providerName());
			size = put(read, size, GenAiAttributes.REQUEST_MODEL, call.requestModel());
			size = put(read, size, GenAiAttributes.RESPONSE_MODEL, call.responseModel());
			size = put(read, size, GenAiAttributes.USAGE_INPUT_TOKENS, call.tokens().input());
			size = put(read, size, GenAiAttributes.USAGE_OUTPUT_TOKENS, call.tokens().output());
		}
		else if (operation instanceof ToolCall call) {
			size = put(read, size, GenAiAttributes.TOOL_NAME, call.toolName());
			size = put(read, size, GenAiAttributes.TOOL_TYPE, call.toolType());
			size = put(read, size, GenAiAttributes.TOOL_CALL_ID, call.toolCallId());
		}
		else if (operation instanceof CodeExecution execution) {
			size = put(read, size, GenAiAttributes.CODE_LANGUAGE, execution.language());
		}
		if (size == 0) {
			return NONE;
		}
		Object[] keysAndValues = new Object[size];
		System.arraycopy(read, 0, keysAndValues, 0, size);
		return keysAndValues;
	}

	private static int put(Object[] keysAndValues, int size, GenAiAttributes key, @Nullable Object value) {
		if (value == null) {
			return size;
		}
		keysAndValues[size] = key.key();
		keysAndValues[size + 1] = value;
		return size + 2;
	}

	@Override
	public @Nullable Object get(@Nullable Object key) {
		Object[] keysAndValues = keysAndValues();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i].equals(key)) {
				return keysAndValues[i + 1];
			}
		}
		return null;
	}

	@Override
	public boolean containsKey(@Nullable Object key) {
		return get(key) != null;
	}

	@Override
	public int size() {
		return keysAndValues().length / 2;
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		return new EntrySet(keysAndValues());
	}

	/**
	 * The entries, read only.
	 */
	private static final class EntrySet extends AbstractSet<Entry<String, Object>> {

		private final Object[] keysAndValues;

		EntrySet(Object[] keysAndValues) {
			this.keysAndValues = keysAndValues;
		}

		@Override
		public Iterator<Entry<String, Object>> iterator() {
			return new Iterator<>() {

				private int next;

				@Override
				public boolean hasNext() {
					return this.next < EntrySet.this.keysAndValues.length;
				}

				@Override
				public Entry<String, Object> next() {
					if (!hasNext()) {
						throw new NoSuchElementException();
					}
					Entry<String, Object> entry = Map.entry((String) EntrySet.this.keysAndValues[this.next],
							EntrySet.this.keysAndValues[this.next + 1]);
					this.next += 2;
					return entry;
				}

			};
		}

		@Override
		public int size() {
			return this.keysAndValues.length / 2;
		}

	}

}
