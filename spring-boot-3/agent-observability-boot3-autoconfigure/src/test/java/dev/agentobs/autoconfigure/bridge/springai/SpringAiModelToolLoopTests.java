package dev.agentobs.autoconfigure.bridge.springai;

import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.internal.bridge.springai.OpenAiCompatibleServer;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.RecordingSink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for the tool loop a Spring AI 1.1 chat model runs itself, which reports each later
 * call's usage added to the calls before it: each call is recorded with its own tokens, and
 * a loop the application runs itself, whose calls report their own, is left as reported. The
 * loopback server reports 60 input and 15 output tokens for the call that asks for the tool,
 * 80 and 9 for the answer.
 */
class SpringAiModelToolLoopTests {

	private final RecordingSink sink = new RecordingSink();

	private OpenAiCompatibleServer server;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startServer() throws Exception {
		this.server = new OpenAiCompatibleServer();
		this.contextRunner = LoopbackOpenAi.chatModel(this.server).withBean(RecordingSink.class, () -> this.sink);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void eachCallOfTheModelsOwnLoopCountsItsOwnTokens() {
		this.contextRunner.run((context) -> {
			ToolCallingChatOptions options = ToolCallingChatOptions.builder()
				.toolCallbacks(ToolCallbacks.from(new SpringAiBridgeTests.WeatherTools()))
				.build();
			inObservation(context, () -> chatModel(context).call(new Prompt("What is the weather in Paris?", options)));
			assertThat(modelCallTokens()).containsExactly(tuple(60L, 15L), tuple(80L, 9L));
		});
	}

	@Test
	void eachCallOfALoopTheApplicationRunsCountsWhatItReported() {
		this.contextRunner.run((context) -> {
			ToolCallingChatOptions options = ToolCallingChatOptions.builder()
				.toolCallbacks(ToolCallbacks.from(new SpringAiBridgeTests.WeatherTools()))
				.internalToolExecutionEnabled(false)
				.build();
			inObservation(context, () -> {
				Prompt prompt = new Prompt("What is the weather in Paris?", options);
				ChatResponse askingForTool = chatModel(context).call(prompt);
				Prompt withResult = new Prompt(context.getBean(ToolCallingManager.class)
					.executeToolCalls(prompt, askingForTool)
					.conversationHistory(), options);
				chatModel(context).call(withResult);
			});
			assertThat(modelCallTokens()).containsExactly(tuple(60L, 15L), tuple(80L, 9L));
		});
	}

	private List<Tuple> modelCallTokens() {
		return this.sink.of(AgentOperation.Kind.MODEL_CALL)
			.stream()
			.map((model) -> ((ModelCall) model).tokens())
			.map((tokens) -> tuple(tokens.input(), tokens.output()))
			.toList();
	}

	// The loop's calls share the observation around them, as they do inside a request
	private static void inObservation(AssertableApplicationContext context, Runnable work) {
		Observation.createNotStarted("weather.request", context.getBean(ObservationRegistry.class)).observe(work);
	}

	private static ChatModel chatModel(AssertableApplicationContext context) {
		return context.getBean(ChatModel.class);
	}

}
