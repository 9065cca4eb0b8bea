package dev.agentobs.autoconfigure.bridge.langchain4j.starter;

import dev.langchain4j.agent.tool.Tool;

/**
 * The assistants' one tool, a bean the starter gives to every AI service.
 */
class WeatherTools {

	@Tool("The current weather in a city")
	String currentWeather(String city) {
		return "Sunny, 21 degrees in " + city;
	}

}
