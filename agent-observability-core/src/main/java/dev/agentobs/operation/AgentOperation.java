package dev.agentobs.operation;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.support.SafeText;

/**
 * One finished agent operation: an {@link AgentRun}, an {@link AgentStep}, a
 * {@link ModelCall}, a {@link ToolCall} or a {@link CodeExecution}. It is what every sink
 * consumes (metrics, statistics, cost, health, alerts, events, logs), whether the operation
 * was observed or produced by a framework bridge and recorded. Each kind is a record with only
 * what that kind has; all share where they ran ({@link OperationScope}) and how they ended
 * ({@link OperationOutcome}). Immutable and safe to share between threads.
 *
 * <pre class="code">
 * observations.record(AgentOperation.modelCall("openai", "gpt-4o").duration(duration).tokens(120, 30).build());
 *
 * if (operation instanceof ModelCall call) {
 *     long input = call.tokens().input();
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public sealed interface AgentOperation permits AgentRun, AgentStep, ModelCall, ToolCall, CodeExecution {

	/**
	 * The most characters an operation keeps of each name (agent, provider, model, tool, tool
	 * type, language, error type): a longer one is cut to it when the operation is made, so
	 * that a name built from model output cannot bloat label values, statistics or endpoints.
	 * A cut never ends on half of a surrogate pair.
	 */
	int MAX_NAME_LENGTH = SafeText.MAX_NAME_LENGTH;

	/**
	 * The five kinds of agent operation, each with the event name of the subscriber API.
	 */
	enum Kind {

		/** An agent run, from the request to the answer. */
		AGENT_RUN("agent.run", "invoke_agent"),

		/** One step of an agent's reasoning loop. */
		AGENT_STEP("agent.step", "step"),

		/** A call to a model (LLM). */
		MODEL_CALL("model.generate", "chat"),

		/** A tool call. */
		TOOL_CALL("tool.call", "execute_tool"),

		/** The execution of code an agent wrote. */
		CODE_EXECUTION("executor.execute", "execute_code");

		private final String eventName;

		private final String defaultOperationName;

		Kind(String eventName, String defaultOperationName) {
			this.eventName = eventName;
			this.defaultOperationName = defaultOperationName;
		}

		/**
		 * The name subscribers see in {@code AgentEvent#name()}.
		 * @return the event name, such as {@code tool.call}
		 */
		public String eventName() {
			return this.eventName;
		}

		/**
		 * The {@code gen_ai.operation.name} an operation of this kind has unless told otherwise.
		 * @return the default operation name
		 */
		public String defaultOperationName() {
			return this.defaultOperationName;
		}

	}

	/**
	 * Start describing a finished agent run.
	 * @param agentName the agent's name
	 * @return a builder
	 */
	static AgentRun.Builder agentRun(String agentName) {
		return new AgentRun.Builder(agentName);
	}

	/**
	 * Start describing a finished agent step.
	 * @param agentName the name of the agent the step belongs to
	 * @param stepNumber the step's number, from 1
	 * @return a builder
	 */
	static AgentStep.Builder agentStep(String agentName, int stepNumber) {
		return new AgentStep.Builder(agentName, stepNumber);
	}

	/**
	 * Start describing a finished model call.
	 * @param providerName the provider as the GenAI conventions name it, such as {@code openai}
	 * @param requestModel the model asked for, such as {@code gpt-4o}
	 * @return a builder
	 */
	static ModelCall.Builder modelCall(String providerName, String requestModel) {
		return new ModelCall.Builder(providerName, requestModel);
	}

	/**
	 * Start describing a finished tool call.
	 * @param toolName the tool's name
	 * @return a builder
	 */
	static ToolCall.Builder toolCall(String toolName) {
		return new ToolCall.Builder(toolName);
	}

	/**
	 * Start describing a finished code execution.
	 * @param language the code's language, such as {@code python}
	 * @return a builder
	 */
	static CodeExecution.Builder codeExecution(String language) {
		return new CodeExecution.Builder(language);
	}

	/**
	 * What kind of operation this was.
	 * @return the kind
	 */
	Kind kind();

	/**
	 * The {@code gen_ai.operation.name}: {@code chat}, {@code invoke_agent}, ...
	 * @return the operation name
	 */
	default String operationName() {
		return kind().defaultOperationName();
	}

	/**
	 * The subject of the operation: the agent's name for runs and steps, the requested model for
	 * model calls, the tool's name for tool calls and the language for code execution.
	 * @return the subject's name
	 */
	String name();

	/**
	 * Where the operation ran: agent, run, conversation and span.
	 * @return the scope
	 */
	OperationScope scope();

	/**
	 * How the operation ended: when, after how long, and with which error.
	 * @return the outcome
	 */
	OperationOutcome outcome();

	/**
	 * The agent the operation ran in, or for a run, the agent itself.
	 * @return the agent's name, or {@code null} outside any agent run
	 */
	default @Nullable String agentName() {
		return scope().agentName();
	}

	/**
	 * The id of the agent run the operation belongs to.
	 * @return the run id or {@code null}
	 */
	default @Nullable String runId() {
		return scope().runId();
	}

	/**
	 * How long the operation took.
	 * @return the duration
	 */
	default Duration duration() {
		return outcome().duration();
	}

	/**
	 * The error's type when the operation failed.
	 * @return the error type, or {@code null} when the operation succeeded
	 */
	default @Nullable String errorType() {
		return outcome().errorType();
	}

	/**
	 * Whether the operation failed.
	 * @return {@code true} when it ended with an error
	 */
	default boolean failed() {
		return outcome().failed();
	}

}
