/**
 * The Spring AI bridge: Spring AI's chat client, chat model and tool-calling observations become
 * agent runs, model calls and tool calls for every sink, without a second span.
 */
@NullMarked
package dev.agentobs.internal.bridge.springai;

import org.jspecify.annotations.NullMarked;
