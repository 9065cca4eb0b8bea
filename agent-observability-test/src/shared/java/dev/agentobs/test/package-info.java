/**
 * Test support for agent observability: {@link dev.agentobs.test.AutoConfigureAgentObservability}
 * and the {@link dev.agentobs.test.AgentObservabilityTest} slice record every finished agent
 * operation, and {@link dev.agentobs.test.AgentObservabilityAssertions} asserts on them.
 */
@NullMarked
package dev.agentobs.test;

import org.jspecify.annotations.NullMarked;
