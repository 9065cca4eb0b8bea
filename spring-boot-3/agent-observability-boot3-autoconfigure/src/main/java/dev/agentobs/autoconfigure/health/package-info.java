/**
 * The agents health indicator, an adapter of the core's health check to Spring Boot's health,
 * and the DEGRADED status it adds.
 */
@NullMarked
package dev.agentobs.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
