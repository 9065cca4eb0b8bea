package dev.agentobs.boot3;

import org.springframework.ai.tool.annotation.Tool;

/**
 * The service's one tool.
 *
 * @since 0.1.0
 */
class WeatherTools {

	@Tool(description = "The current weather in a city")
	String currentWeather(String city) {
		return "Sunny, 21 degrees in " + city;
	}

}
