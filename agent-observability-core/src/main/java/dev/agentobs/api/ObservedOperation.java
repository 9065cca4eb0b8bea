package dev.agentobs.api;

import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.budget.RunLedger;
import dev.agentobs.observation.AgentObservationContext;
import dev.agentobs.operation.AgentOperation;

/**
 * One agent operation about to be observed: configure it, then call one of the
 * {@code observe} methods with the work. Inside the work, the same object is the handle that
 * reports what only the work knows (tokens, results). Observe once: each call of
 * {@link AgentObservations} gives a new one (observed again, the work runs unobserved, with a
 * warning).
 *
 * @param <S> the concrete type, for chaining
 * @param <C> the observation context
 * @since 0.1.0
 */
public abstract class ObservedOperation<S extends ObservedOperation<S, C>, C extends AgentObservationContext> {

	private final @Nullable ObservationRegistry registry;

	private final @Nullable C context;

	private final @Nullable ObservationConvention<C> customConvention;

	private boolean observed;

	/**
	 * Create an operation. With a {@code null} context it is a no-op that runs the work only.
	 * @param registry the registry, {@code null} for a no-op
	 * @param context the context, {@code null} for a no-op
	 * @param customConvention a convention replacing the default one, or {@code null}
	 */
	ObservedOperation(@Nullable ObservationRegistry registry, @Nullable C context,
			@Nullable ObservationConvention<C> customConvention) {
		this.registry = registry;
		this.context = context;
		this.customConvention = customConvention;
	}

	/**
	 * The context, {@code null} when nothing is observed.
	 * @return the context or {@code null}
	 */
	protected final @Nullable C context() {
		return this.context;
	}

	@SuppressWarnings("unchecked")
	private S self() {
		return (S) this;
	}

	/**
	 * The convention observations of this kind use unless a custom one is given.
	 * @return the default convention
	 */
	protected abstract ObservationConvention<C> defaultConvention();

	/**
	 * Mark the operation failed without throwing, for errors the work handles itself (a
	 * provider's refusal, a tool's error reply). Use a short, low cardinality type: one that
	 * holds what looks like a secret (a token, a key, a URL with credentials) is recorded as
	 * {@code _REDACTED}.
	 * @param errorType the error type, such as {@code rate_limited}
	 * @return this
	 */
	public final S errorType(String errorType) {
		if (this.context != null && errorType != null && !errorType.isBlank()) {
			this.context.setErrorType(errorType);
		}
		return self();
	}

	/**
	 * Observe work that returns nothing.
	 * @param work the work
	 */
	public final void observe(Runnable work) {
		Observation observation = start();
		if (observation == null) {
			work.run();
		}
		else {
			observation.observe(work);
		}
	}

	/**
	 * Observe work that returns a result.
	 * @param <T> the result type
	 * @param work the work
	 * @return the work's result
	 */
	public final <T> T observe(Supplier<T> work) {
		Observation observation = start();
		return (observation != null) ? observation.observe(work) : work.get();
	}

	/**
	 * Observe work that reports on itself through the handle, such as the tokens of a model
	 * call.
	 * @param <T> the result type
	 * @param work the work, given this operation as its handle
	 * @return the work's result
	 */
	public final <T> T observe(Function<? super S, T> work) {
		Observation observation = start();
		S handle = self();
		return (observation != null) ? observation.observe(() -> work.apply(handle)) : work.apply(handle);
	}

	/**
	 * Observe work that may throw a checked exception.
	 * @param <T> the result type
	 * @param <E> the exception type
	 * @param work the work, given this operation as its handle
	 * @return the work's result
	 * @throws E when the work throws it
	 */
	public final <T, E extends Throwable> T observeChecked(CheckedFunction<? super S, T, E> work) throws E {
		Observation observation = start();
		S handle = self();
		return (observation != null) ? observation.observeChecked(() -> work.apply(handle)) : work.apply(handle);
	}

	/**
	 * Start the observation for work that ends later, elsewhere: the caller stops it.
	 * @return the started observation, or {@code null} when nothing is observed
	 */
	final @Nullable Observation startDetached() {
		Observation observation = start();
		return (observation != null) ? observation.start() : null;
	}

	private @Nullable Observation start() {
		C context = this.context;
		ObservationRegistry registry = this.registry;
		if (context == null || registry == null) {
			return null;
		}
		if (this.observed) {
			// The work still runs, unobserved: observability never stops it
			InvalidInput.warn("observed", "This " + getClass().getSimpleName()
					+ " was already observed and runs unobserved now; call AgentObservations again for each operation");
			return null;
		}
		this.observed = true;
		context.inheritFrom(registry.getCurrentObservation());
		RunLedger ledger = context.getLedger();
		if (ledger != null && context.getKind() != AgentOperation.Kind.AGENT_RUN) {
			// Before the observation starts: a stopped operation leaves no span or timer behind
			ledger.check();
		}
		return Observation.createNotStarted(this.customConvention, defaultConvention(), () -> context, registry);
	}


}
