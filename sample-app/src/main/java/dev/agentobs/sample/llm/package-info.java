/**
 * A simulated OpenAI chat model: plausible replies, token counts, latency and failures, with no network.
 */
@NullMarked
package dev.agentobs.sample.llm;

import org.jspecify.annotations.NullMarked;
