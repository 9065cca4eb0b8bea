/**
 * The LangChain4j bridge: LangChain4j's chat model calls, AI service invocations and tool
 * executions become observed model calls, agent runs and tool calls.
 */
@NullMarked
package dev.agentobs.internal.bridge.langchain4j;

import org.jspecify.annotations.NullMarked;
