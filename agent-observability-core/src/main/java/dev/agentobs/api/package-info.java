/**
 * The API agent code calls: the {@link dev.agentobs.api.AgentObservations} facade, the annotations and the neutral {@link dev.agentobs.api.AgentOperation} record.
 */
@NullMarked
package dev.agentobs.api;

import org.jspecify.annotations.NullMarked;
