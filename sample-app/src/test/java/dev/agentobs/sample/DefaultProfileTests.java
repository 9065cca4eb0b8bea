package dev.agentobs.sample;

import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.agentobs.sample.agent.LoopResearchAgent;
import dev.agentobs.sample.agent.ResearchAgent;
import dev.agentobs.sample.springai.SimulatedOpenAiServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without the {@code spring-ai} profile the sample runs its own agent loop: Spring AI is on the
 * class path, but makes no model (which would want an OpenAI key) and no simulated server
 * listens.
 */
@SampleAppTest
class DefaultProfileTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void researchAgentIsTheSamplesOwnLoopAndSpringAiMakesNoModel() {
		assertThat(this.context.getBean(ResearchAgent.class)).isInstanceOf(LoopResearchAgent.class);
		assertThat(this.context.getBeanNamesForType(ChatModel.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(SimulatedOpenAiServer.class)).isEmpty();
	}

}
