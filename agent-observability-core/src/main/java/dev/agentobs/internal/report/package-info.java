/**
 * The statistics and alerts as the actuator endpoints and the health indicator show them:
 * descriptors (records of strings, numbers, lists and maps) that any JSON mapper writes in the
 * same shape, and a Markdown report.
 */
@NullMarked
package dev.agentobs.internal.report;

import org.jspecify.annotations.NullMarked;
