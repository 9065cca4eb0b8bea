/**
 * The subscriber API: {@link dev.agentobs.event.AgentEventListener} beans receive every finished operation.
 */
@NullMarked
package dev.agentobs.event;

import org.jspecify.annotations.NullMarked;
