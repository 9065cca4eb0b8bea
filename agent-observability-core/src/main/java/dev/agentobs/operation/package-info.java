/**
 * The finished agent operation every sink consumes, one record per kind of operation, and the
 * {@link dev.agentobs.operation.AgentOperationSink} interface. Depends on nothing else of the
 * project, so that the facade, the observation model and every sink can depend on it.
 */
@NullMarked
package dev.agentobs.operation;

import org.jspecify.annotations.NullMarked;
