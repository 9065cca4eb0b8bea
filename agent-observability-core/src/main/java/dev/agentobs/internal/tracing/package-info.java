/**
 * Span naming and typed span attributes for agent operations.
 */
@NullMarked
package dev.agentobs.internal.tracing;

import org.jspecify.annotations.NullMarked;
