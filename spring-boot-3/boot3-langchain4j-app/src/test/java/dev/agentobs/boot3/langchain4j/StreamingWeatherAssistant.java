package dev.agentobs.boot3.langchain4j;

import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.spring.AiService;

/**
 * The same assistant answering as a stream, on the streaming chat model of the context.
 */
@AiService
public interface StreamingWeatherAssistant {

	TokenStream chat(String question);

}
