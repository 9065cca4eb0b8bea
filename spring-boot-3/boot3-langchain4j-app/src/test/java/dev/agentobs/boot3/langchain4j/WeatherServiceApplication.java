package dev.agentobs.boot3.langchain4j;

import java.util.concurrent.CompletableFuture;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot 3.5 service as LangChain4j's Spring Boot starter users write it: two
 * {@code @AiService} interfaces, one blocking and one streaming, a {@code @Tool} on a bean,
 * and no code of the starter's. Everything observed comes from the starter's bridge.
 */
@SpringBootApplication
public class WeatherServiceApplication {

	@RestController
	static class AskController {

		private final WeatherAssistant assistant;

		private final StreamingWeatherAssistant streamingAssistant;

		AskController(WeatherAssistant assistant, StreamingWeatherAssistant streamingAssistant) {
			this.assistant = assistant;
			this.streamingAssistant = streamingAssistant;
		}

		@PostMapping("/api/ask")
		String ask(@RequestBody String question) {
			return this.assistant.chat(question);
		}

		@PostMapping("/api/ask/stream")
		CompletableFuture<String> askStreaming(@RequestBody String question) {
			CompletableFuture<String> answer = new CompletableFuture<>();
			StringBuilder text = new StringBuilder();
			this.streamingAssistant.chat(question)
				.onPartialResponse(text::append)
				.onCompleteResponse((response) -> answer.complete(text.toString()))
				.onError(answer::completeExceptionally)
				.start();
			return answer;
		}

	}

}
