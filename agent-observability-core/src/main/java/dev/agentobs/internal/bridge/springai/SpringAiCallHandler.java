package dev.agentobs.internal.bridge.springai;

import java.time.Duration;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.util.Assert;

import dev.agentobs.operation.AgentOperationSink;
import dev.agentobs.operation.OperationBuilder;

/**
 * Records a call Spring AI observes inside an agent run, a model or a tool call, as one
 * operation: how long it took, the error it failed with and the run it belongs to are found
 * the same way for every kind, so only what the kind itself has is left to each handler.
 *
 * @param <C> the kind of observation context Spring AI makes for the call
 */
abstract class SpringAiCallHandler<C extends Observation.Context> implements ObservationHandler<C> {

	private final AgentOperationSink operations;

	SpringAiCallHandler(AgentOperationSink operations) {
		Assert.notNull(operations, "operations must not be null");
		this.operations = operations;
	}

	@Override
	public void onStart(C context) {
		context.put(StartTime.class, new StartTime(System.nanoTime()));
	}

	@Override
	public void onStop(C context) {
		OperationBuilder<?, ?> call = operation(context).duration(StartTime.elapsed(context)).error(context.getError());
		SpringAiRun run = SpringAiRun.enclosing(context.getParentObservation());
		if (run != null) {
			call.agentName(run.agentName()).runId(run.runId()).conversationId(run.conversationId());
		}
		this.operations.accept(call.build());
	}

	/**
	 * Start the operation of a finished call with what its kind has; its duration, error and
	 * run are added afterwards.
	 * @param context the call's observation context
	 * @return the operation's builder
	 */
	abstract OperationBuilder<?, ?> operation(C context);

	/**
	 * When a Spring AI call started, kept in its observation context.
	 *
	 * @param nanos the {@link System#nanoTime()} at the start
	 */
	private record StartTime(long nanos) {

		static Duration elapsed(Observation.Context context) {
			StartTime start = context.get(StartTime.class);
			return (start != null) ? Duration.ofNanos(Math.max(0, System.nanoTime() - start.nanos())) : Duration.ZERO;
		}

	}

	/**
	 * Whether a type has a public method without parameters: methods that only newer Spring AI
	 * versions have are called only where they exist.
	 * @param type the type
	 * @param name the method's name
	 * @return whether the method exists
	 */
	static boolean hasMethod(Class<?> type, String name) {
		try {
			type.getMethod(name);
			return true;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

}
