package dev.agentobs.test;

import java.util.Set;

import org.springframework.boot.test.autoconfigure.filter.StandardAnnotationCustomizableTypeExcludeFilter;

import dev.agentobs.event.AgentEventListener;
import dev.agentobs.observation.AgentRunObservationConvention;
import dev.agentobs.observation.AgentStepObservationConvention;
import dev.agentobs.observation.CodeExecutionObservationConvention;
import dev.agentobs.observation.ModelCallObservationConvention;
import dev.agentobs.observation.ToolCallObservationConvention;
import dev.agentobs.operation.AgentOperationSink;

/**
 * Chooses the scanned components of {@link AgentObservabilityTest @AgentObservabilityTest}:
 * those the test names, and those that shape how agent operations are observed.
 */
final class AgentObservabilityTypeExcludeFilter
		extends StandardAnnotationCustomizableTypeExcludeFilter<AgentObservabilityTest> {

	private static final Set<Class<?>> KNOWN_INCLUDES = Set.of(AgentEventListener.class, AgentOperationSink.class,
			AgentRunObservationConvention.class, AgentStepObservationConvention.class,
			ModelCallObservationConvention.class, ToolCallObservationConvention.class,
			CodeExecutionObservationConvention.class);

	private final Set<Class<?>> components;

	AgentObservabilityTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
		this.components = Set.of(getAnnotation().getValue("components", Class[].class).orElse(new Class<?>[0]));
	}

	// Spring Boot 4 calls this hook getKnownIncludes
	@Override
	protected Set<Class<?>> getDefaultIncludes() {
		return KNOWN_INCLUDES;
	}

	@Override
	protected Set<Class<?>> getComponentIncludes() {
		return this.components;
	}

}
