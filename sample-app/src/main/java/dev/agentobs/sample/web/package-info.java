/**
 * The HTTP API of the research agent.
 */
@NullMarked
package dev.agentobs.sample.web;

import org.jspecify.annotations.NullMarked;
