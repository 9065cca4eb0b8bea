package dev.agentobs.api;

import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.agentobs.observation.DefaultToolCallObservationConvention;
import dev.agentobs.observation.ToolCallContext;

/**
 * A tool call to observe.
 *
 * @since 0.1.0
 */
public final class ToolCallObservation extends ObservedOperation<ToolCallObservation, ToolCallContext> {

	static final ToolCallObservation NOOP = new ToolCallObservation(null, null, null);

	ToolCallObservation(@Nullable ObservationRegistry registry, @Nullable ToolCallContext context,
			@Nullable ObservationConvention<ToolCallContext> convention) {
		super(registry, context, convention);
	}

	@Override
	protected ObservationConvention<ToolCallContext> defaultConvention() {
		return DefaultToolCallObservationConvention.INSTANCE;
	}

	/**
	 * Set the tool's type when it is not {@code function}: {@code extension} or
	 * {@code datastore}.
	 * @param toolType the tool type; a null or blank one is ignored with a warning
	 * @return this
	 */
	public ToolCallObservation type(@Nullable String toolType) {
		ToolCallContext context = context();
		if (context != null && InvalidInput.isName(toolType, "toolType")) {
			context.setToolType(toolType);
		}
		return this;
	}

	/**
	 * Set the id the model gave this tool call.
	 * @param toolCallId the tool call id
	 * @return this
	 */
	public ToolCallObservation callId(@Nullable String toolCallId) {
		ToolCallContext context = context();
		if (context != null) {
			context.setToolCallId(toolCallId);
		}
		return this;
	}

	/**
	 * Give the call's arguments; they reach the span only with
	 * {@code monitoring.tracing.capture-content=true}.
	 * @param arguments the arguments, as the model wrote them
	 * @return this
	 */
	public ToolCallObservation arguments(@Nullable String arguments) {
		ToolCallContext context = context();
		if (context != null) {
			context.setArguments(arguments);
		}
		return this;
	}

	/**
	 * Give the call's result; it reaches the span only with
	 * {@code monitoring.tracing.capture-content=true}.
	 * @param result the result
	 * @return this
	 */
	public ToolCallObservation result(@Nullable String result) {
		ToolCallContext context = context();
		if (context != null) {
			context.setResult(result);
		}
		return this;
	}

}
