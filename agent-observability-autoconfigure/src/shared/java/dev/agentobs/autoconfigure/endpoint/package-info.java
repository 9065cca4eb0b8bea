/**
 * The agents and agent alerts actuator endpoints: thin adapters over the core's descriptors
 * and reports, written by the actuator's own JSON mapper.
 */
@NullMarked
package dev.agentobs.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
