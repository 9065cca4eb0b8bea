package dev.agentobs.boot3.langchain4j;

import dev.langchain4j.agent.tool.Tool;

import org.springframework.stereotype.Component;

/**
 * The service's one tool, a bean the starter gives to every AI service.
 */
@Component
class WeatherTools {

	@Tool("The current weather in a city")
	String currentWeather(String city) {
		return "Sunny, 21 degrees in " + city;
	}

}
