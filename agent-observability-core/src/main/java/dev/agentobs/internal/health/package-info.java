/**
 * The health of the agents: judged from the rolling statistics against thresholds, with the
 * details an on-call engineer looks at, for any framework's health endpoint to show.
 */
@NullMarked
package dev.agentobs.internal.health;

import org.jspecify.annotations.NullMarked;
