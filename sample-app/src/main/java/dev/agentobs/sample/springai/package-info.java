/**
 * The {@code spring-ai} profile: the research agent on Spring AI's {@code ChatClient} and
 * OpenAI client, against a simulated OpenAI server on loopback, observed by the starter's
 * Spring AI bridge with no code of its own.
 */
@NullMarked
package dev.agentobs.sample.springai;

import org.jspecify.annotations.NullMarked;
