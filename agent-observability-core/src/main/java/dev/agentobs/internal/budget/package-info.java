/**
 * What each agent run in progress has spent, against its budget: the ledger of a run, found
 * from every operation of the run and of its sub-agents.
 */
@NullMarked
package dev.agentobs.internal.budget;

import org.jspecify.annotations.NullMarked;
