/**
 * The agents actuator endpoint: statistics as JSON and as a Markdown report.
 */
@NullMarked
package dev.agentobs.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
