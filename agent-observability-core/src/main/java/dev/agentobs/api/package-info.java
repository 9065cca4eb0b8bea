/**
 * The API agent code calls: the {@link dev.agentobs.api.AgentObservations} facade and the annotations.
 */
@NullMarked
package dev.agentobs.api;

import org.jspecify.annotations.NullMarked;
