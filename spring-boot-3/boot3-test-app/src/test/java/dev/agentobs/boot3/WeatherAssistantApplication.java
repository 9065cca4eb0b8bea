package dev.agentobs.boot3;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot 3.5 service as its users write it: Spring AI's {@link ChatClient} with one
 * tool, and no code of the starter's. Everything observed comes from the starter's bridge.
 */
@SpringBootApplication
public class WeatherAssistantApplication {

	@Bean
	ChatClient chatClient(ChatClient.Builder builder) {
		return builder.defaultTools(new WeatherTools()).build();
	}

	@RestController
	static class AskController {

		private final ChatClient chatClient;

		AskController(ChatClient chatClient) {
			this.chatClient = chatClient;
		}

		@PostMapping("/api/ask")
		String ask(@RequestBody String question) {
			return this.chatClient.prompt(question).call().content();
		}

	}

}
