package dev.agentobs.autoconfigure.bridge.langchain4j.starter;

import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.spring.AiService;

/**
 * The same assistant answering as a stream.
 */
@AiService
interface StreamingWeatherAssistant {

	TokenStream chat(String question);

}
