/**
 * Cost of model calls from their tokens and the prices of their models (configured or from the
 * price catalogue), per model and per day; per-run budgets and the exception that stops a run
 * that spent its budget.
 */
@NullMarked
package dev.agentobs.cost;

import org.jspecify.annotations.NullMarked;
