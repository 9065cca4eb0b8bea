/**
 * Rolling statistics of agent operations: requests, errors, latency, tokens and recent
 * errors per agent, model and tool, and the {@link dev.agentobs.stats.AgentStatistics} snapshot.
 */
@NullMarked
package dev.agentobs.stats;

import org.jspecify.annotations.NullMarked;
