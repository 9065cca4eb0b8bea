/**
 * Cost of model calls from their tokens and configured prices, per model and per day.
 */
@NullMarked
package dev.agentobs.cost;

import org.jspecify.annotations.NullMarked;
