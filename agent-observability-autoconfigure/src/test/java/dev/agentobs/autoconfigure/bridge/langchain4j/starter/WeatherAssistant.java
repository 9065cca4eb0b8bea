package dev.agentobs.autoconfigure.bridge.langchain4j.starter;

import dev.langchain4j.service.spring.AiService;

/**
 * An assistant made a bean by LangChain4j's Spring Boot starter.
 */
@AiService
interface WeatherAssistant {

	String chat(String question);

}
