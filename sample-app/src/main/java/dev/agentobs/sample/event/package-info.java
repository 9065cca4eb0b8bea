/**
 * A subscriber to the agent event API.
 */
@NullMarked
package dev.agentobs.sample.event;

import org.jspecify.annotations.NullMarked;
