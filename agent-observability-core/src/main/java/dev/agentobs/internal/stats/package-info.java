/**
 * Implementation of the agent observations: not API, may change in any release.
 */
@NullMarked
package dev.agentobs.internal.stats;

import org.jspecify.annotations.NullMarked;
