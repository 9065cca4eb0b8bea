/**
 * Auto-configuration of agent observability and its {@code monitoring.*} properties.
 */
@NullMarked
package dev.agentobs.autoconfigure;

import org.jspecify.annotations.NullMarked;
