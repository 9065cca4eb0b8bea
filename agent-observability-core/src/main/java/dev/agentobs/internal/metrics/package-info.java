/**
 * Prometheus-friendly meters for agent operations, named after the OpenTelemetry GenAI semantic conventions.
 */
@NullMarked
package dev.agentobs.internal.metrics;

import org.jspecify.annotations.NullMarked;
