package dev.agentobs.boot3;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot 3.5 service as its users write it: Spring AI's {@link ChatClient} with one
 * tool, and no code of the starter's. Everything observed comes from the starter's bridge.
 * {@code POST /api/ask} with a question as plain text answers it. The tests and the
 * end-to-end run point {@code spring.ai.openai.base-url} at a loopback server that answers
 * like OpenAI.
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class WeatherAssistantApplication {

	public static void main(String[] args) {
		SpringApplication.run(WeatherAssistantApplication.class, args);
	}

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
