/**
 * The observation model of agent operations: documentation, contexts, conventions and the handler that turns a finished observation into an {@link dev.agentobs.operation.AgentOperation}.
 */
@NullMarked
package dev.agentobs.observation;

import org.jspecify.annotations.NullMarked;
