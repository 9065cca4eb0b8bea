package dev.agentobs.api;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One finished agent operation: an agent run, an agent step, a model call, a tool call or a
 * code execution. It is what every sink consumes (metrics, statistics, cost, health, alerts,
 * events, logs), whether the operation was observed through {@link AgentObservations} or
 * produced by a framework bridge and handed to {@link AgentObservations#record(AgentOperation)}.
 * Immutable and safe to share between threads.
 *
 * @since 0.1.0
 */
public final class AgentOperation {

	/**
	 * The five kinds of agent operation, each with the event name of the subscriber API.
	 */
	public enum Kind {

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

	private final Kind kind;

	private final String operationName;

	private final @Nullable String agentName;

	private final @Nullable String agentId;

	private final @Nullable String runId;

	private final @Nullable String conversationId;

	private final int stepNumber;

	private final @Nullable String providerName;

	private final @Nullable String requestModel;

	private final @Nullable String responseModel;

	private final long inputTokens;

	private final long outputTokens;

	private final long cachedInputTokens;

	private final @Nullable String toolName;

	private final @Nullable String toolType;

	private final @Nullable String toolCallId;

	private final @Nullable String language;

	private final Instant endTime;

	private final Duration duration;

	private final @Nullable Throwable error;

	private final @Nullable String errorType;

	private final @Nullable String traceId;

	private final @Nullable String spanId;

	private AgentOperation(Builder builder) {
		this.kind = builder.kind;
		this.operationName = (builder.operationName != null) ? builder.operationName
				: builder.kind.defaultOperationName();
		this.agentName = builder.agentName;
		this.agentId = builder.agentId;
		this.runId = builder.runId;
		this.conversationId = builder.conversationId;
		this.stepNumber = builder.stepNumber;
		this.providerName = builder.providerName;
		this.requestModel = builder.requestModel;
		this.responseModel = builder.responseModel;
		this.inputTokens = builder.inputTokens;
		this.outputTokens = builder.outputTokens;
		this.cachedInputTokens = builder.cachedInputTokens;
		this.toolName = builder.toolName;
		this.toolType = builder.toolType;
		this.toolCallId = builder.toolCallId;
		this.language = builder.language;
		this.endTime = (builder.endTime != null) ? builder.endTime : Instant.now();
		this.duration = builder.duration;
		this.error = builder.error;
		this.errorType = (builder.errorType != null) ? builder.errorType
				: (builder.error != null) ? builder.error.getClass().getName() : null;
		this.traceId = builder.traceId;
		this.spanId = builder.spanId;
	}

	/**
	 * Start describing a finished agent run.
	 * @param agentName the agent's name
	 * @return a builder
	 */
	public static Builder agentRun(String agentName) {
		Builder builder = new Builder(Kind.AGENT_RUN);
		builder.agentName = requireText(agentName, "agentName");
		return builder;
	}

	/**
	 * Start describing a finished agent step.
	 * @param agentName the name of the agent the step belongs to
	 * @param stepNumber the step's number, from 1
	 * @return a builder
	 */
	public static Builder agentStep(String agentName, int stepNumber) {
		if (stepNumber < 1) {
			throw new IllegalArgumentException("stepNumber must be 1 or more, was " + stepNumber);
		}
		Builder builder = new Builder(Kind.AGENT_STEP);
		builder.agentName = requireText(agentName, "agentName");
		builder.stepNumber = stepNumber;
		return builder;
	}

	/**
	 * Start describing a finished model call.
	 * @param providerName the provider, such as {@code openai}
	 * @param requestModel the model asked for, such as {@code gpt-4o}
	 * @return a builder
	 */
	public static Builder modelCall(String providerName, String requestModel) {
		Builder builder = new Builder(Kind.MODEL_CALL);
		builder.providerName = requireText(providerName, "providerName");
		builder.requestModel = requireText(requestModel, "requestModel");
		return builder;
	}

	/**
	 * Start describing a finished tool call.
	 * @param toolName the tool's name
	 * @return a builder
	 */
	public static Builder toolCall(String toolName) {
		Builder builder = new Builder(Kind.TOOL_CALL);
		builder.toolName = requireText(toolName, "toolName");
		builder.toolType = "function";
		return builder;
	}

	/**
	 * Start describing a finished code execution.
	 * @param language the code's language, such as {@code python}
	 * @return a builder
	 */
	public static Builder codeExecution(String language) {
		Builder builder = new Builder(Kind.CODE_EXECUTION);
		builder.language = requireText(language, "language");
		return builder;
	}

	// Checks written out rather than Assert.isTrue(condition, () -> message): the message lambda
	// captures its arguments, so it would allocate on every operation of the agent's thread.
	static String requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be null or blank");
		}
		return value;
	}

	/**
	 * What kind of operation this was.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * The {@code gen_ai.operation.name}: {@code chat}, {@code invoke_agent}, ...
	 * @return the operation name
	 */
	public String operationName() {
		return this.operationName;
	}

	/**
	 * The subject of the operation: the agent's name for runs and steps, the requested model for
	 * model calls, the tool's name for tool calls and the language for code execution.
	 * @return the subject's name
	 */
	public String name() {
		String name = switch (this.kind) {
			case AGENT_RUN, AGENT_STEP -> this.agentName;
			case MODEL_CALL -> this.requestModel;
			case TOOL_CALL -> this.toolName;
			case CODE_EXECUTION -> this.language;
		};
		return (name != null) ? name : "unknown";
	}

	/**
	 * The agent the operation ran in, or for a run, the agent itself.
	 * @return the agent's name, or {@code null} outside any agent run
	 */
	public @Nullable String agentName() {
		return this.agentName;
	}

	/**
	 * The agent's unique id, when the application gave one.
	 * @return the agent id or {@code null}
	 */
	public @Nullable String agentId() {
		return this.agentId;
	}

	/**
	 * The id of the agent run the operation belongs to.
	 * @return the run id or {@code null}
	 */
	public @Nullable String runId() {
		return this.runId;
	}

	/**
	 * The conversation the operation belongs to.
	 * @return the conversation id or {@code null}
	 */
	public @Nullable String conversationId() {
		return this.conversationId;
	}

	/**
	 * The step's number for agent steps.
	 * @return the step number, or 0 for other kinds
	 */
	public int stepNumber() {
		return this.stepNumber;
	}

	/**
	 * The model provider of a model call.
	 * @return the provider or {@code null}
	 */
	public @Nullable String providerName() {
		return this.providerName;
	}

	/**
	 * The model a model call asked for.
	 * @return the requested model or {@code null}
	 */
	public @Nullable String requestModel() {
		return this.requestModel;
	}

	/**
	 * The model that answered a model call, when the provider said.
	 * @return the response model or {@code null}
	 */
	public @Nullable String responseModel() {
		return this.responseModel;
	}

	/**
	 * Input tokens of a model call.
	 * @return the input tokens, 0 when unknown
	 */
	public long inputTokens() {
		return this.inputTokens;
	}

	/**
	 * Output tokens of a model call.
	 * @return the output tokens, 0 when unknown
	 */
	public long outputTokens() {
		return this.outputTokens;
	}

	/**
	 * Input tokens served from the provider's prompt cache (part of {@link #inputTokens()}).
	 * @return the cached input tokens, 0 when unknown
	 */
	public long cachedInputTokens() {
		return this.cachedInputTokens;
	}

	/**
	 * The tool's name for tool calls.
	 * @return the tool name or {@code null}
	 */
	public @Nullable String toolName() {
		return this.toolName;
	}

	/**
	 * The tool's type for tool calls, {@code function} unless told otherwise.
	 * @return the tool type or {@code null}
	 */
	public @Nullable String toolType() {
		return this.toolType;
	}

	/**
	 * The id the model gave a tool call.
	 * @return the tool call id or {@code null}
	 */
	public @Nullable String toolCallId() {
		return this.toolCallId;
	}

	/**
	 * The language of a code execution.
	 * @return the language or {@code null}
	 */
	public @Nullable String language() {
		return this.language;
	}

	/**
	 * When the operation ended.
	 * @return the end time
	 */
	public Instant endTime() {
		return this.endTime;
	}

	/**
	 * How long the operation took.
	 * @return the duration
	 */
	public Duration duration() {
		return this.duration;
	}

	/**
	 * The error the operation failed with.
	 * @return the error, or {@code null} when it succeeded or the error object is not known
	 */
	public @Nullable Throwable error() {
		return this.error;
	}

	/**
	 * The error's type: the exception's class name unless set explicitly.
	 * @return the error type, or {@code null} when the operation succeeded
	 */
	public @Nullable String errorType() {
		return this.errorType;
	}

	/**
	 * The trace the operation's span belongs to, when it was traced.
	 * @return the trace id or {@code null}
	 */
	public @Nullable String traceId() {
		return this.traceId;
	}

	/**
	 * The operation's own span, when it was traced.
	 * @return the span id or {@code null}
	 */
	public @Nullable String spanId() {
		return this.spanId;
	}

	/**
	 * Whether the operation failed.
	 * @return {@code true} when it ended with an error
	 */
	public boolean failed() {
		return this.errorType != null;
	}

	@Override
	public String toString() {
		return "AgentOperation[" + this.kind.eventName() + " " + name() + ", " + this.duration.toMillis() + "ms"
				+ ((this.errorType != null) ? ", error=" + this.errorType : "") + "]";
	}

	/**
	 * Builds an {@link AgentOperation}. Obtain one from the static methods of
	 * {@link AgentOperation}.
	 */
	public static final class Builder {

		private final Kind kind;

		private @Nullable String operationName;

		private @Nullable String agentName;

		private @Nullable String agentId;

		private @Nullable String runId;

		private @Nullable String conversationId;

		private int stepNumber;

		private @Nullable String providerName;

		private @Nullable String requestModel;

		private @Nullable String responseModel;

		private long inputTokens;

		private long outputTokens;

		private long cachedInputTokens;

		private @Nullable String toolName;

		private @Nullable String toolType;

		private @Nullable String toolCallId;

		private @Nullable String language;

		private @Nullable Instant endTime;

		private Duration duration = Duration.ZERO;

		private @Nullable Throwable error;

		private @Nullable String errorType;

		private @Nullable String traceId;

		private @Nullable String spanId;

		private Builder(Kind kind) {
			this.kind = kind;
		}

		/**
		 * Set the {@code gen_ai.operation.name}, such as {@code text_completion} or
		 * {@code embeddings} for a model call.
		 * @param operationName the operation name
		 * @return this builder
		 */
		public Builder operationName(String operationName) {
			this.operationName = requireText(operationName, "operationName");
			return this;
		}

		/**
		 * Set the agent the operation ran in.
		 * @param agentName the agent's name, or {@code null} outside any agent
		 * @return this builder
		 */
		public Builder agentName(@Nullable String agentName) {
			this.agentName = agentName;
			return this;
		}

		/**
		 * Set the agent's unique id.
		 * @param agentId the agent id
		 * @return this builder
		 */
		public Builder agentId(@Nullable String agentId) {
			this.agentId = agentId;
			return this;
		}

		/**
		 * Set the id of the agent run the operation belongs to.
		 * @param runId the run id
		 * @return this builder
		 */
		public Builder runId(@Nullable String runId) {
			this.runId = runId;
			return this;
		}

		/**
		 * Set the conversation the operation belongs to.
		 * @param conversationId the conversation id
		 * @return this builder
		 */
		public Builder conversationId(@Nullable String conversationId) {
			this.conversationId = conversationId;
			return this;
		}

		/**
		 * Set the model that answered.
		 * @param responseModel the response model
		 * @return this builder
		 */
		public Builder responseModel(@Nullable String responseModel) {
			this.responseModel = responseModel;
			return this;
		}

		/**
		 * Set the tokens a model call used.
		 * @param inputTokens input tokens, 0 or more
		 * @param outputTokens output tokens, 0 or more
		 * @return this builder
		 */
		public Builder tokens(long inputTokens, long outputTokens) {
			if (inputTokens < 0) {
				throw new IllegalArgumentException("inputTokens must be 0 or more, was " + inputTokens);
			}
			if (outputTokens < 0) {
				throw new IllegalArgumentException("outputTokens must be 0 or more, was " + outputTokens);
			}
			this.inputTokens = inputTokens;
			this.outputTokens = outputTokens;
			return this;
		}

		/**
		 * Set how many of the input tokens came from the provider's prompt cache.
		 * @param cachedInputTokens cached input tokens, 0 or more
		 * @return this builder
		 */
		public Builder cachedInputTokens(long cachedInputTokens) {
			if (cachedInputTokens < 0) {
				throw new IllegalArgumentException("cachedInputTokens must be 0 or more, was " + cachedInputTokens);
			}
			this.cachedInputTokens = cachedInputTokens;
			return this;
		}

		/**
		 * Set the tool's type.
		 * @param toolType {@code function}, {@code extension} or {@code datastore}
		 * @return this builder
		 */
		public Builder toolType(String toolType) {
			this.toolType = requireText(toolType, "toolType");
			return this;
		}

		/**
		 * Set the id the model gave the tool call.
		 * @param toolCallId the tool call id
		 * @return this builder
		 */
		public Builder toolCallId(@Nullable String toolCallId) {
			this.toolCallId = toolCallId;
			return this;
		}

		/**
		 * Set when the operation ended; now unless set.
		 * @param endTime the end time
		 * @return this builder
		 */
		public Builder endTime(Instant endTime) {
			Assert.notNull(endTime, "endTime must not be null");
			this.endTime = endTime;
			return this;
		}

		/**
		 * Set how long the operation took.
		 * @param duration the duration, not negative
		 * @return this builder
		 */
		public Builder duration(Duration duration) {
			if (duration == null || duration.isNegative()) {
				throw new IllegalArgumentException("duration must not be null or negative, was " + duration);
			}
			this.duration = duration;
			return this;
		}

		/**
		 * Set the error the operation failed with; its class name becomes the error type.
		 * @param error the error, or {@code null} for success
		 * @return this builder
		 */
		public Builder error(@Nullable Throwable error) {
			this.error = error;
			return this;
		}

		/**
		 * Set the error type of a failed operation when there is no exception object, such as
		 * {@code rate_limited} or an HTTP status.
		 * @param errorType the error type, or {@code null} for success
		 * @return this builder
		 */
		public Builder errorType(@Nullable String errorType) {
			this.errorType = errorType;
			return this;
		}

		/**
		 * Set the span the operation was traced with, so that its log event can name it.
		 * @param traceId the trace id, or {@code null}
		 * @param spanId the span id, or {@code null}
		 * @return this builder
		 */
		public Builder span(@Nullable String traceId, @Nullable String spanId) {
			this.traceId = traceId;
			this.spanId = spanId;
			return this;
		}

		/**
		 * Build the immutable operation.
		 * @return the operation
		 */
		public AgentOperation build() {
			return new AgentOperation(this);
		}

	}

}
