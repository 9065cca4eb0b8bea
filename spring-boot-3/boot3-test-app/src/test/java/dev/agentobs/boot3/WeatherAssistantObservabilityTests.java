package dev.agentobs.boot3;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.agentobs.internal.bridge.springai.OpenAiCompatibleServer;
import dev.agentobs.test.AutoConfigureAgentObservability;
import dev.agentobs.test.RecordedAgentOperations;
import dev.agentobs.test.RecordedSpans;

import static dev.agentobs.test.AgentObservabilityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same service tested as its users test theirs on Spring Boot 3.5: the Boot 3.5 test
 * support records the ChatClient's run, model calls and tool call for AssertJ assertions.
 */
@SpringBootTest(properties = "spring.ai.openai.max-retries=0")
@AutoConfigureAgentObservability
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WeatherAssistantObservabilityTests {

	private static final OpenAiCompatibleServer openAi = start();

	@Autowired
	private ChatClient chatClient;

	@Autowired
	private RecordedAgentOperations recorded;

	@Autowired
	private RecordedSpans spans;

	// Spring AI 1.1 adds /v1 to the base URL itself
	@DynamicPropertySource
	static void openAi(DynamicPropertyRegistry registry) {
		registry.add("spring.ai.openai.base-url", () -> openAi.baseUrl().replaceFirst("/v1$", ""));
	}

	@AfterAll
	static void stopOpenAi() {
		openAi.close();
	}

	@Test
	@Order(1)
	void aToolUsingAnswerIsRecordedAsOneRunWithItsModelCallsToolCallAndCost() {
		String answer = this.chatClient.prompt("What is the weather in Paris?").call().content();

		assertThat(answer).isEqualTo("It is sunny in Paris.");
		assertThat(this.recorded).hasAgentRun("weather-assistant")
			.withModelCall("gpt-4o")
			.withToolCall("currentWeather")
			.withTotalTokensAtLeast(1)
			.withCostAtMost(0.01)
			.hasNoErrors();
		// Recorded from the application's OpenTelemetry SDK: here the span Spring AI writes
		// for the tool call
		assertThat(this.spans).hasSpan("tool_call current-weather");
	}

	// Runs after the test above recorded a run: only then does an empty recording show a reset
	@Test
	@Order(2)
	void eachTestStartsWithNothingRecorded() {
		assertThat(this.recorded).hasNoAgentRun("weather-assistant");
	}

	private static OpenAiCompatibleServer start() {
		try {
			return new OpenAiCompatibleServer();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
