package dev.agentobs.operation;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the builders of every kind of {@link AgentOperation} share: where the operation ran and
 * how it ended. Each kind's builder adds only what that kind has. Obtain one from the static
 * methods of {@link AgentOperation}.
 *
 * @param <B> the builder's own type, for chaining
 * @param <O> the operation it builds
 * @since 0.1.0
 */
public abstract sealed class OperationBuilder<B extends OperationBuilder<B, O>, O extends AgentOperation>
		permits AgentRun.Builder, AgentStep.Builder, ModelCall.Builder, ToolCall.Builder, CodeExecution.Builder {

	private @Nullable String agentName;

	private @Nullable String agentId;

	private @Nullable String runId;

	private @Nullable String conversationId;

	private @Nullable String traceId;

	private @Nullable String spanId;

	private long operationId;

	private long parentOperationId;

	private @Nullable Instant endTime;

	private Duration duration = Duration.ZERO;

	private @Nullable Throwable error;

	private @Nullable String errorType;

	OperationBuilder(@Nullable String agentName) {
		this.agentName = agentName;
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

	/**
	 * Set the agent the operation ran in.
	 * @param agentName the agent's name, or {@code null} outside any agent
	 * @return this builder
	 */
	public B agentName(@Nullable String agentName) {
		this.agentName = agentName;
		return self();
	}

	/**
	 * Set the agent's unique id.
	 * @param agentId the agent id
	 * @return this builder
	 */
	public B agentId(@Nullable String agentId) {
		this.agentId = agentId;
		return self();
	}

	/**
	 * Set the id of the agent run the operation belongs to.
	 * @param runId the run id
	 * @return this builder
	 */
	public B runId(@Nullable String runId) {
		this.runId = runId;
		return self();
	}

	/**
	 * Set the conversation the operation belongs to.
	 * @param conversationId the conversation id
	 * @return this builder
	 */
	public B conversationId(@Nullable String conversationId) {
		this.conversationId = conversationId;
		return self();
	}

	/**
	 * Set the span the operation was traced with, so that its log event can name it.
	 * @param traceId the trace id, or {@code null}
	 * @param spanId the span id, or {@code null}
	 * @return this builder
	 */
	public B span(@Nullable String traceId, @Nullable String spanId) {
		this.traceId = traceId;
		this.spanId = spanId;
		return self();
	}

	/**
	 * Set the numbers that place the operation in the tree of its run: its own and that of the
	 * operation it ran inside. Framework bridges set them; a recorded operation without them
	 * belongs to its run by its run id alone.
	 * @param operationId the operation's own number, 0 for none
	 * @param parentOperationId the number of the operation it ran inside, 0 for none
	 * @return this builder
	 * @see OperationScope#operationId()
	 */
	public B operationIds(long operationId, long parentOperationId) {
		if (operationId < 0 || parentOperationId < 0) {
			throw new IllegalArgumentException("operationId and parentOperationId must be 0 or more, were "
					+ operationId + " and " + parentOperationId);
		}
		this.operationId = operationId;
		this.parentOperationId = parentOperationId;
		return self();
	}

	/**
	 * Set when the operation ended; now unless set.
	 * @param endTime the end time
	 * @return this builder
	 */
	public B endTime(Instant endTime) {
		this.endTime = OperationChecks.requireNonNull(endTime, "endTime");
		return self();
	}

	/**
	 * Set how long the operation took.
	 * @param duration the duration, not negative
	 * @return this builder
	 */
	public B duration(Duration duration) {
		if (duration == null || duration.isNegative()) {
			throw new IllegalArgumentException("duration must not be null or negative, was " + duration);
		}
		this.duration = duration;
		return self();
	}

	/**
	 * Set the error the operation failed with; its class name becomes the error type.
	 * @param error the error, or {@code null} for success
	 * @return this builder
	 */
	public B error(@Nullable Throwable error) {
		this.error = error;
		return self();
	}

	/**
	 * Set the error type of a failed operation when there is no exception object, such as
	 * {@code rate_limited} or an HTTP status. A type that holds what looks like a secret (a
	 * token, a key, a URL with credentials) is recorded as {@code _REDACTED}.
	 * @param errorType the error type, or {@code null} for success
	 * @return this builder
	 */
	public B errorType(@Nullable String errorType) {
		this.errorType = errorType;
		return self();
	}

	final OperationScope scope() {
		return new OperationScope(this.agentName, this.agentId, this.runId, this.conversationId, this.traceId,
				this.spanId, this.operationId, this.parentOperationId);
	}

	final OperationOutcome outcome() {
		Instant endTime = (this.endTime != null) ? this.endTime : Instant.now();
		return new OperationOutcome(endTime, this.duration, this.error, this.errorType);
	}

	/**
	 * Build the immutable operation.
	 * @return the operation
	 */
	public abstract O build();

}
