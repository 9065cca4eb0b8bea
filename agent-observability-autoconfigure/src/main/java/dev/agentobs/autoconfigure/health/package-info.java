/**
 * The agents health indicator and the health status it adds.
 */
@NullMarked
package dev.agentobs.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
