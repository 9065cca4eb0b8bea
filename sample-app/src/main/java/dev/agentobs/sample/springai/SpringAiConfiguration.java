package dev.agentobs.sample.springai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import dev.agentobs.sample.SampleProfiles;
import dev.agentobs.sample.llm.SimulatedChatModel;

/**
 * The {@code spring-ai} profile: the simulated OpenAI server Spring AI's OpenAI client talks
 * to, and how Spring AI tells the model that a tool failed. Spring AI's own
 * auto-configuration makes the chat model and the {@code ChatClient.Builder}, from
 * {@code application-spring-ai.yml}, as it would for the real OpenAI.
 *
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
@Profile(SampleProfiles.SPRING_AI)
class SpringAiConfiguration {

	/**
	 * The property that holds the simulated server's port once it listens, as
	 * {@code local.server.port} holds the web server's; {@code spring.ai.openai.base-url}
	 * refers to it.
	 */
	static final String PORT_PROPERTY = "local.simulated-openai.port";

	@Bean(destroyMethod = "close")
	SimulatedOpenAiServer simulatedOpenAiServer(SimulatedChatModel model, JsonMapper json,
			ConfigurableEnvironment environment) {
		SimulatedOpenAiServer server;
		try {
			server = SimulatedOpenAiServer.start(model, json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the simulated OpenAI server on loopback", ex);
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("simulatedOpenAiServer", Map.of(PORT_PROPERTY, server.port())));
		return server;
	}

	// The model's base URL names the simulated server's port: the server must listen before
	// Spring AI binds the OpenAI properties to make the model
	@Bean
	static OpenAiChatModelDependsOnSimulatedServer openAiChatModelDependsOnSimulatedServer() {
		return new OpenAiChatModelDependsOnSimulatedServer();
	}

	// A failed tool's message goes back to the model, as Spring AI does by default, marked
	// the way the simulated model recognises a tool error
	@Bean
	ToolExecutionExceptionProcessor toolErrorsForTheModel() {
		return (ex) -> SimulatedChatModel.ERROR + ((ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage());
	}

	static final class OpenAiChatModelDependsOnSimulatedServer extends AbstractDependsOnBeanFactoryPostProcessor {

		OpenAiChatModelDependsOnSimulatedServer() {
			super(OpenAiChatModel.class, SimulatedOpenAiServer.class);
		}

	}

}
