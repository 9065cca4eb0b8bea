package dev.agentobs.autoconfigure.bridge.springai;

import org.springframework.ai.model.chat.observation.autoconfigure.ChatObservationAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.retry.autoconfigure.SpringAiRetryAutoConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.autoconfigure.AgentObservationAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.autoconfigure.SpringAiBridgeAutoConfiguration;
import dev.agentobs.internal.bridge.springai.OpenAiCompatibleServer;

/**
 * Spring AI's OpenAI chat model, observed and bridged, talking to a loopback
 * {@link OpenAiCompatibleServer}, on either Spring AI generation: 2.0 on Spring Boot 4, 1.1 on
 * Spring Boot 3.5.
 */
final class LoopbackOpenAi {

	/**
	 * Whether Spring AI 1.1 runs: it runs only on Spring Boot 3.5, 2.0 only on Spring Boot 4.
	 */
	static final boolean SPRING_AI_1 = SpringBootVersion.getVersion().startsWith("3.");

	private LoopbackOpenAi() {
	}

	/**
	 * A context runner with the chat model, its observations, tool calling and the bridge.
	 * @param server the server the model talks to
	 * @return the context runner
	 */
	static ApplicationContextRunner chatModel(OpenAiCompatibleServer server) {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
					ChatObservationAutoConfiguration.class, ToolCallingAutoConfiguration.class,
					OpenAiChatAutoConfiguration.class, AgentObservationAutoConfiguration.class,
					SpringAiBridgeAutoConfiguration.class))
			// Spring AI 2.0 takes /v1 in the base URL, 1.1 in the completions path (a key 2.0
			// does not have); the retry keys are 2.0's and 1.1's
			.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl(),
					"spring.ai.openai.chat.completions-path=/chat/completions", "spring.ai.openai.api-key=test-key",
					"spring.ai.openai.max-retries=0", "spring.ai.retry.max-attempts=1",
					"spring.ai.openai.chat.options.model=" + OpenAiCompatibleServer.MODEL);
		// Spring AI 1.1's OpenAI client takes Spring AI's retry template; 2.0's retries by itself
		return SPRING_AI_1 ? runner.withConfiguration(AutoConfigurations.of(SpringAiRetryAutoConfiguration.class))
				: runner;
	}

}
