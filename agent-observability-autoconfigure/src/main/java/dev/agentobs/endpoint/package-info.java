/**
 * The agents actuator endpoint: statistics as JSON and as a Markdown report.
 */
@NullMarked
package dev.agentobs.endpoint;

import org.jspecify.annotations.NullMarked;
