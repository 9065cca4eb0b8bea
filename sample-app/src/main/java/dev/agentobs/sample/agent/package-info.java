/**
 * The research agent, its fact-checking sub-agent and the executor their parallel tool calls run on.
 */
@NullMarked
package dev.agentobs.sample.agent;

import org.jspecify.annotations.NullMarked;
