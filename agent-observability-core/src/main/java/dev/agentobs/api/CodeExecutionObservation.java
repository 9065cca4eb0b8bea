package dev.agentobs.api;

import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.agentobs.observation.CodeExecutionContext;
import dev.agentobs.observation.DefaultCodeExecutionObservationConvention;

/**
 * A code execution to observe.
 *
 * @since 0.1.0
 */
public final class CodeExecutionObservation
		extends ObservedOperation<CodeExecutionObservation, CodeExecutionContext> {

	static final CodeExecutionObservation NOOP = new CodeExecutionObservation(null, null, null);

	CodeExecutionObservation(@Nullable ObservationRegistry registry, @Nullable CodeExecutionContext context,
			@Nullable ObservationConvention<CodeExecutionContext> convention) {
		super(registry, context, convention);
	}

	@Override
	protected ObservationConvention<CodeExecutionContext> defaultConvention() {
		return DefaultCodeExecutionObservationConvention.INSTANCE;
	}

	/**
	 * Give the code; it reaches the span only with
	 * {@code monitoring.tracing.capture-content=true}.
	 * @param code the code
	 * @return this
	 */
	public CodeExecutionObservation code(@Nullable String code) {
		CodeExecutionContext context = context();
		if (context != null) {
			context.setCode(code);
		}
		return this;
	}

	/**
	 * Give the code's output; it reaches the span only with
	 * {@code monitoring.tracing.capture-content=true}.
	 * @param output the output
	 * @return this
	 */
	public CodeExecutionObservation output(@Nullable String output) {
		CodeExecutionContext context = context();
		if (context != null) {
			context.setOutput(output);
		}
		return this;
	}

}
