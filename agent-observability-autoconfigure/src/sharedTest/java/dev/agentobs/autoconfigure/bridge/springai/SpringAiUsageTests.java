package dev.agentobs.autoconfigure.bridge.springai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.agentobs.autoconfigure.AgentCostAutoConfiguration;
import dev.agentobs.cost.AgentUsage;
import dev.agentobs.cost.AgentUsageContext;
import dev.agentobs.cost.AgentUsageListener;
import dev.agentobs.internal.bridge.springai.OpenAiCompatibleServer;
import dev.agentobs.internal.bridge.springai.SpringAiChatClientHandler;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.operation.TokenUsage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the usage records of Spring AI {@code ChatClient} runs: the user and tenant set once
 * per request with {@link AgentUsageContext}, the exact tokens and cost, to a listener bean and
 * to the JSON log.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringAiUsageTests {

	private final List<AgentUsage> usages = new CopyOnWriteArrayList<>();

	private OpenAiCompatibleServer server;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startServer() throws Exception {
		this.server = new OpenAiCompatibleServer();
		this.contextRunner = LoopbackOpenAi.chatModel(this.server)
			.withConfiguration(AutoConfigurations.of(ChatClientAutoConfiguration.class, AgentCostAutoConfiguration.class))
			.withPropertyValues("monitoring.usage.log=true")
			.withBean(AgentUsageListener.class, () -> this.usages::add);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void usageOfAChatClientRunReachesTheListenerAndTheJsonLogWithItsUserAndTenant(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			try (AgentUsageContext.Scope scope = AgentUsageContext.with("user-42", "acme", "conv-7")) {
				context.getBean(ChatClient.Builder.class)
					.build()
					.prompt("What is the capital of France?")
					.advisors((advisors) -> advisors.param(SpringAiChatClientHandler.AGENT_NAME_PARAM, "geography-agent"))
					.call()
					.content();
			}
			assertThat(this.usages).hasSize(1);
			AgentUsage usage = this.usages.get(0);
			// What the loopback server answered: 12 input tokens (4 cached), 3 output (2 reasoning)
			TokenUsage tokens = new TokenUsage(12, 3, 4, 0, 2);
			double cost = context.getBean(CostCalculator.class).priceOf(OpenAiCompatibleServer.MODEL).cost(tokens);
			assertThat(usage.agentName()).isEqualTo("geography-agent");
			assertThat(usage.userId()).isEqualTo("user-42");
			assertThat(usage.tenantId()).isEqualTo("acme");
			assertThat(usage.conversationId()).isEqualTo("conv-7");
			assertThat(usage.tokens()).isEqualTo(tokens);
			assertThat(usage.cost()).isEqualTo(cost).isPositive();
			assertThat(usage.modelCalls()).isEqualTo(1);
			assertThat(usage.outcome()).isEqualTo("success");
			assertThat(output).contains("\"agent\":\"geography-agent\",\"user\":\"user-42\",\"tenant\":\"acme\","
					+ "\"conversation\":\"conv-7\",\"tokens\":{\"input\":12,\"output\":3,\"cacheRead\":4,\"cacheWrite\":0,"
					+ "\"reasoning\":2},\"costUsd\":" + new java.math.BigDecimal(Double.toString(cost)).toPlainString()
					+ ",\"modelCalls\":1,");
		});
	}

	@Test
	void usageIsNotLoggedUnlessAsked(CapturedOutput output) {
		this.contextRunner.withPropertyValues("monitoring.usage.log=false").run((context) -> {
			context.getBean(ChatClient.Builder.class).build().prompt("What is the capital of France?").call().content();
			assertThat(this.usages).hasSize(1);
			assertThat(output).doesNotContain("\"costUsd\"");
		});
	}

}
