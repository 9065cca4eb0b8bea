package dev.agentobs.test;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.SpringBootTestContextBootstrapper;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestContextBootstrapper;

/**
 * {@link TestContextBootstrapper} of {@link AgentObservabilityTest @AgentObservabilityTest}:
 * applies its {@code properties}.
 */
class AgentObservabilityTestContextBootstrapper extends SpringBootTestContextBootstrapper {

	// Spring Boot 3.5 has no generic slice bootstrapper: its own slices read their
	// properties attribute this way
	@Override
	protected String @Nullable [] getProperties(Class<?> testClass) {
		AgentObservabilityTest annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AgentObservabilityTest.class);
		return (annotation != null) ? annotation.properties() : null;
	}

}
