/**
 * Cost of model calls from their tokens and the prices of their models (configured or from the
 * price catalogue), per model and per day.
 */
@NullMarked
package dev.agentobs.cost;

import org.jspecify.annotations.NullMarked;
