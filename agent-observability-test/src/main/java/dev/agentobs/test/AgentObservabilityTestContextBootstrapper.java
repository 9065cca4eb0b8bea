package dev.agentobs.test;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;
import org.springframework.test.context.TestContextBootstrapper;

/**
 * {@link TestContextBootstrapper} of {@link AgentObservabilityTest @AgentObservabilityTest}:
 * applies its {@code properties}.
 */
class AgentObservabilityTestContextBootstrapper extends TestSliceTestContextBootstrapper<AgentObservabilityTest> {

}
