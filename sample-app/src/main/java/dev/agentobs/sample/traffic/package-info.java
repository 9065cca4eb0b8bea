/**
 * Background traffic, so that metrics and traces show live data as soon as the service starts.
 */
@NullMarked
package dev.agentobs.sample.traffic;

import org.jspecify.annotations.NullMarked;
