package dev.agentobs.internal.bridge.springai;

import java.time.Duration;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.agentobs.internal.support.OperationIds;
import dev.agentobs.internal.tracing.ObservationSpans;
import dev.agentobs.operation.AgentOperationSink;
import dev.agentobs.operation.OperationBuilder;

/**
 * Records a call Spring AI observes inside an agent run, a model or a tool call, as one
 * operation: how long it took, the error it failed with and the run it belongs to are found
 * the same way for every kind, so only what the kind itself has is left to each handler.
 *
 * @param <C> the kind of observation context Spring AI makes for the call
 * @param <B> the builder of the kind of operation the call becomes
 */
abstract class SpringAiCallHandler<C extends Observation.Context, B extends OperationBuilder<B, ?>>
		implements ObservationHandler<C> {

	private final AgentOperationSink operations;

	SpringAiCallHandler(AgentOperationSink operations) {
		Assert.notNull(operations, "operations must not be null");
		this.operations = operations;
	}

	@Override
	public void onStart(C context) {
		// Found at the start: a call made inside this one (a sub-agent in a tool) names it as its parent
		SpringAiRun run = SpringAiRun.enclosing(context.getParentObservation());
		long operationId = 0;
		long parentOperationId = 0;
		if (run != null && run.runId() != null) {
			operationId = OperationIds.next();
			parentOperationId = SpringAiRun.enclosingOperationId(context.getParentObservation());
		}
		context.put(Call.class, new Call(System.nanoTime(), run, operationId, parentOperationId));
	}

	@Override
	public void onStop(C context) {
		Call started = context.get(Call.class);
		B call = operation(context).duration(Call.elapsed(started)).error(context.getError());
		SpringAiRun run = (started != null) ? started.run() : null;
		if (run != null) {
			call.agentName(run.agentName()).runId(run.runId()).conversationId(run.conversationId());
		}
		if (started != null) {
			call.operationIds(started.operationId(), started.parentOperationId());
		}
		ObservationSpans.SpanIds span = ObservationSpans.of(context);
		if (span != null) {
			call.span(span.traceId(), span.spanId());
		}
		record(context, call);
	}

	/**
	 * Hand the finished call's operation to the sinks.
	 * @param context the call's observation context
	 * @param call the operation's builder, complete
	 */
	void record(C context, B call) {
		this.operations.accept(call.build());
	}

	/**
	 * Start the operation of a finished call with what its kind has; its duration, error and
	 * run are added afterwards.
	 * @param context the call's observation context
	 * @return the operation's builder
	 */
	abstract B operation(C context);

	/**
	 * A Spring AI call in progress, kept in its observation context: when it started and where
	 * it belongs.
	 *
	 * @param startNanos the {@link System#nanoTime()} at the start
	 * @param run the run it belongs to, or {@code null} outside any run
	 * @param operationId its operation number, 0 outside any run
	 * @param parentOperationId the number of the operation it runs inside, 0 for none
	 */
	record Call(long startNanos, @Nullable SpringAiRun run, long operationId, long parentOperationId) {

		static Duration elapsed(@Nullable Call call) {
			return (call != null) ? Duration.ofNanos(Math.max(0, System.nanoTime() - call.startNanos())) : Duration.ZERO;
		}

	}

}
