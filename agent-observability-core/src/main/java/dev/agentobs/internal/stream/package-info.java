/**
 * Implementation of the agent observations: not API, may change in any release.
 */
@NullMarked
package dev.agentobs.internal.stream;

import org.jspecify.annotations.NullMarked;
