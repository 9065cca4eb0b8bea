package dev.agentobs.observation;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import dev.agentobs.cost.AgentBudgetExceededException;
import dev.agentobs.internal.budget.RunLedger;
import dev.agentobs.internal.support.OperationIds;
import dev.agentobs.internal.support.SafeText;
import dev.agentobs.internal.support.SecretMasker;
import dev.agentobs.internal.support.ThrottledLogger;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.OperationOutcome;
import dev.agentobs.operation.OperationScope;

/**
 * What every agent operation's observation carries: the agent and run it belongs to, the
 * conversation, and once it stops, the {@link AgentOperation} every sink consumes. An
 * operation started inside an agent run (on the same thread or one the context was
 * propagated to) inherits that run's agent name, run id and conversation id.
 * <p>
 * The setters take what the work reports from inside, often straight from a model's
 * response: a value that cannot be used is ignored with a warning (at most once a minute per
 * kind of value), never thrown on the agent's thread.
 *
 * @since 0.1.0
 */
public abstract class AgentObservationContext extends Observation.Context {

	private static final ThrottledLogger logger = new ThrottledLogger(
			LoggerFactory.getLogger(AgentObservationContext.class), Duration.ofMinutes(1));

	/** The name of what has no name of its own, such as the agent of a call outside any run. */
	static final String UNKNOWN = "unknown";

	private final AgentOperation.Kind kind;

	private @Nullable String agentName;

	private @Nullable String agentId;

	private @Nullable String runId;

	private @Nullable String conversationId;

	private @Nullable String errorType;

	private @Nullable String traceId;

	private @Nullable String spanId;

	private long operationId;

	private long parentOperationId;

	private boolean started;

	private long startNanos;

	private @Nullable AgentOperation operation;

	private @Nullable RunLedger ledger;

	// The key values added last by addLowCardinalityKeyValues and addHighCardinalityKeyValues,
	// while no other change was made to them since. The observation adds its convention's key
	// values when it starts and again when it stops, and the default conventions hand out the
	// same cached KeyValues both times: adding them again would change nothing.
	private volatile @Nullable KeyValues lastLowCardinality;

	private volatile @Nullable KeyValues lastHighCardinality;

	protected AgentObservationContext(AgentOperation.Kind kind) {
		this.kind = kind;
	}

	/**
	 * Copy agent, run and conversation from the nearest enclosing agent operation, unless
	 * this context already has its own, and note that operation as the one this one runs
	 * inside. Called once, before the observation starts.
	 * @param current the observation current where this one starts, or {@code null}
	 */
	public void inheritFrom(@Nullable ObservationView current) {
		ObservationView view = current;
		while (view != null) {
			Observation.ContextView context = view.getContextView();
			if (context instanceof AgentObservationContext parent) {
				inherit(parent);
				// 0 when that operation is outside any run: only operations of a run have a number
				this.parentOperationId = parent.operationId;
				break;
			}
			view = context.getParentObservation();
		}
		if (this.operationId == 0 && this.runId != null) {
			this.operationId = OperationIds.next();
		}
	}

	void inherit(AgentObservationContext parent) {
		if (this.agentName == null) {
			this.agentName = parent.agentName;
		}
		if (this.agentId == null) {
			this.agentId = parent.agentId;
		}
		if (this.runId == null) {
			this.runId = parent.runId;
		}
		if (this.conversationId == null) {
			this.conversationId = parent.conversationId;
		}
		if (this.ledger == null) {
			this.ledger = parent.ledger;
		}
	}

	/**
	 * Note the start time, once: every handler calls this on start and the first call wins.
	 */
	public void markStarted() {
		if (!this.started) {
			this.started = true;
			this.startNanos = System.nanoTime();
		}
	}

	/**
	 * The time since {@link #markStarted()}.
	 * @param nanoTime a {@link System#nanoTime()}
	 * @return the nanoseconds from the start to it, 0 when not started or earlier
	 */
	protected long nanosSinceStart(long nanoTime) {
		return this.started ? Math.max(0, nanoTime - this.startNanos) : 0;
	}

	/**
	 * The finished operation. Built once, on the first call after the observation stopped; the
	 * duration runs from {@link #markStarted()} to that first call. Never throws: the setters
	 * only keep values the operation accepts.
	 * @return the operation
	 */
	public AgentOperation getOperation() {
		AgentOperation operation = this.operation;
		if (operation == null) {
			long nanos = nanosSinceStart(System.nanoTime());
			if (this.operationId == 0 && this.runId != null) {
				this.operationId = OperationIds.next();
			}
			OperationScope scope = new OperationScope(this.agentName, this.agentId, this.runId, this.conversationId,
					this.traceId, this.spanId, this.operationId, this.parentOperationId);
			OperationOutcome outcome = new OperationOutcome(Instant.now(), Duration.ofNanos(nanos), getError(),
					explicitErrorType());
			operation = operation(scope, outcome);
			this.operation = operation;
		}
		return operation;
	}

	/**
	 * The finished operation of this kind, with the kind's own values.
	 * @param scope where it ran
	 * @param outcome how it ended
	 * @return the operation
	 */
	protected abstract AgentOperation operation(OperationScope scope, OperationOutcome outcome);

	/**
	 * Log, at most once a minute per kind of value, a value the work reported that cannot be
	 * used. A bad value from a model's response must not fail the agent.
	 * @param what the kind of value, such as {@code tokens}: the key of the throttle, so that
	 * varying values do not each get a key of their own
	 * @param message what was wrong and what was expected
	 */
	static void ignored(String what, String message) {
		logger.warn(what, "Ignored: " + message, null);
	}

	/**
	 * A name the operation can carry: the given one cut to
	 * {@link AgentOperation#MAX_NAME_LENGTH} characters, or {@value #UNKNOWN} when it is blank.
	 */
	static String nameOrUnknown(@Nullable String name) {
		return (name != null && !name.isBlank()) ? SafeText.name(name) : UNKNOWN;
	}

	static String quote(@Nullable String value) {
		return (value != null) ? "'" + value + "'" : "null";
	}

	/**
	 * The kind of operation observed.
	 * @return the kind
	 */
	public AgentOperation.Kind getKind() {
		return this.kind;
	}

	/**
	 * The agent this operation runs in, or for a run, the agent itself.
	 * @return the agent name, or {@code null} outside any agent run
	 */
	public @Nullable String getAgentName() {
		return this.agentName;
	}

	/**
	 * Set the agent this operation runs in; a name longer than
	 * {@link AgentOperation#MAX_NAME_LENGTH} characters is cut.
	 * @param agentName the agent name, or {@code null} outside any agent run
	 */
	public void setAgentName(@Nullable String agentName) {
		this.agentName = (agentName != null) ? SafeText.name(agentName) : null;
	}

	public @Nullable String getAgentId() {
		return this.agentId;
	}

	public void setAgentId(@Nullable String agentId) {
		this.agentId = agentId;
	}

	public @Nullable String getRunId() {
		return this.runId;
	}

	public void setRunId(@Nullable String runId) {
		this.runId = runId;
	}

	public @Nullable String getConversationId() {
		return this.conversationId;
	}

	public void setConversationId(@Nullable String conversationId) {
		this.conversationId = conversationId;
	}

	/**
	 * The ledger of the run this operation belongs to, what the run has spent against its
	 * budget: a run's own, opened when it starts, or inherited from the run it started in.
	 * @return the ledger, or {@code null} outside any run or when nothing keeps one
	 */
	public @Nullable RunLedger getLedger() {
		return this.ledger;
	}

	public void setLedger(@Nullable RunLedger ledger) {
		this.ledger = ledger;
	}

	/**
	 * The number that tells this operation apart from the others, given to every operation
	 * of an agent run when it starts.
	 * @return the number, 0 for an operation outside any run
	 * @see OperationScope#operationId()
	 */
	public long getOperationId() {
		return this.operationId;
	}

	/**
	 * The number of the agent operation this one runs inside.
	 * @return the number, 0 when it runs inside no operation of a run
	 * @see OperationScope#parentOperationId()
	 */
	public long getParentOperationId() {
		return this.parentOperationId;
	}

	/**
	 * Note the span this operation is traced with; the tracing handler calls this on start.
	 * @param traceId the trace id
	 * @param spanId the span id
	 */
	public void setSpan(@Nullable String traceId, @Nullable String spanId) {
		this.traceId = traceId;
		this.spanId = spanId;
	}

	/**
	 * The error type when the operation failed: set explicitly, or the error's class name.
	 * @return the error type, or {@code null} on success
	 */
	public @Nullable String getErrorType() {
		String errorType = explicitErrorType();
		if (errorType != null) {
			return errorType;
		}
		Throwable error = getError();
		return (error != null) ? error.getClass().getName() : null;
	}

	/**
	 * The error type set explicitly, or {@value AgentBudgetExceededException#ERROR_TYPE} when a
	 * budget stopped the operation.
	 * @return the error type, or {@code null} to derive it from the error
	 */
	@Nullable String explicitErrorType() {
		return (getError() instanceof AgentBudgetExceededException) ? AgentBudgetExceededException.ERROR_TYPE
				: this.errorType;
	}

	/**
	 * Mark the operation failed with a type of error that has no exception, such as
	 * {@code rate_limited}. A type that looks like a secret is kept as
	 * {@value SecretMasker#REDACTED}.
	 * @param errorType the error type
	 */
	public void setErrorType(@Nullable String errorType) {
		this.errorType = (errorType != null && !errorType.isBlank()) ? SecretMasker.safeErrorType(errorType) : null;
	}

	@Override
	public Observation.Context addLowCardinalityKeyValues(KeyValues keyValues) {
		if (keyValues != this.lastLowCardinality) {
			super.addLowCardinalityKeyValues(keyValues);
			this.lastLowCardinality = keyValues;
		}
		return this;
	}

	@Override
	public Observation.Context addLowCardinalityKeyValue(KeyValue keyValue) {
		this.lastLowCardinality = null;
		return super.addLowCardinalityKeyValue(keyValue);
	}

	@Override
	public Observation.Context removeLowCardinalityKeyValue(String keyName) {
		this.lastLowCardinality = null;
		return super.removeLowCardinalityKeyValue(keyName);
	}

	@Override
	public Observation.Context removeLowCardinalityKeyValues(String... keyNames) {
		this.lastLowCardinality = null;
		return super.removeLowCardinalityKeyValues(keyNames);
	}

	@Override
	public Observation.Context addHighCardinalityKeyValues(KeyValues keyValues) {
		if (keyValues != this.lastHighCardinality) {
			super.addHighCardinalityKeyValues(keyValues);
			this.lastHighCardinality = keyValues;
		}
		return this;
	}

	@Override
	public Observation.Context addHighCardinalityKeyValue(KeyValue keyValue) {
		this.lastHighCardinality = null;
		return super.addHighCardinalityKeyValue(keyValue);
	}

	@Override
	public Observation.Context removeHighCardinalityKeyValue(String keyName) {
		this.lastHighCardinality = null;
		return super.removeHighCardinalityKeyValue(keyName);
	}

	@Override
	public Observation.Context removeHighCardinalityKeyValues(String... keyNames) {
		this.lastHighCardinality = null;
		return super.removeHighCardinalityKeyValues(keyNames);
	}

}
