/**
 * The tools the agents call: a simulated web search, a calculator and an arithmetic sandbox.
 */
@NullMarked
package dev.agentobs.sample.tool;

import org.jspecify.annotations.NullMarked;
