/**
 * Structured log events and MDC correlation ids for agent operations.
 */
@NullMarked
package dev.agentobs.internal.logging;

import org.jspecify.annotations.NullMarked;
