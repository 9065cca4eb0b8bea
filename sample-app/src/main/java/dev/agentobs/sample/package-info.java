/**
 * A research-assistant agent service that shows agent observability at work.
 */
@NullMarked
package dev.agentobs.sample;

import org.jspecify.annotations.NullMarked;
