package dev.agentobs.boot3.langchain4j;

import dev.langchain4j.service.spring.AiService;

/**
 * The service's assistant, made a bean by LangChain4j's Spring Boot starter with the chat
 * model and the tools of the context.
 */
@AiService
public interface WeatherAssistant {

	String chat(String question);

}
