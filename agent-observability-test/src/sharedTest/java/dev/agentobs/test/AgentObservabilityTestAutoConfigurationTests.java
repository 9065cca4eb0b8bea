package dev.agentobs.test;

import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.autoconfigure.AgentObservationAutoConfiguration;
import dev.agentobs.autoconfigure.AgentTracingAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.cost.ModelPrice;
import dev.agentobs.test.app.ResearchAgent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentObservabilityTestAutoConfiguration}.
 */
class AgentObservabilityTestAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
				BootAutoConfigurations.openTelemetrySdk(), BootAutoConfigurations.openTelemetryTracing(),
				BootAutoConfigurations.micrometerTracing(), AgentObservationAutoConfiguration.class,
				AgentTracingAutoConfiguration.class, AgentObservabilityTestAutoConfiguration.class))
		.withPropertyValues("management.tracing.sampling.probability=1.0")
		.withBean(ResearchAgent.class);

	@Test
	void runShouldRecordEveryOperationOfTheAgent() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RecordedAgentOperations.class);
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThat(context.getBean(RecordedAgentOperations.class).operations()).hasSize(7);
		});
	}

	@Test
	void runShouldPriceModelsAsTheApplicationConfiguresThem() {
		this.contextRunner
			.withPropertyValues("monitoring.cost.models.gpt-4o.input=2.50", "monitoring.cost.models.gpt-4o.output=10")
			.run((context) -> assertThat(context.getBean(RecordedAgentOperations.class).prices().priceOf("gpt-4o"))
				.isEqualTo(ModelPrice.of(2.50, 10.00)));
	}

	@Test
	void runWithUserRecorderShouldBackOff() {
		RecordedAgentOperations recorder = new RecordedAgentOperations(ModelPrices.of("gpt-4o", 5, 15));
		this.contextRunner.withBean(RecordedAgentOperations.class, () -> recorder)
			.run((context) -> assertThat(context).getBean(RecordedAgentOperations.class).isSameAs(recorder));
	}

	@Test
	void runShouldRecordSpansAsTheyEndWithoutWaitingForTheBatch() {
		this.contextRunner.run((context) -> {
			context.getBean(ResearchAgent.class).answer("Why is the sky blue?");
			assertThat(context.getBean(RecordedSpans.class).spans()).extracting(SpanData::getName)
				.containsExactly("chat gpt-4o", "step 1 research-agent", "execute_tool web_search",
						"step 2 research-agent", "chat gpt-4o", "step 3 research-agent",
						"invoke_agent research-agent");
		});
	}

	@Test
	void runWithoutOpenTelemetrySdkShouldRecordOperationsButNoSpans() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SdkTracerProvider.class))
			.run((context) -> assertThat(context).hasSingleBean(RecordedAgentOperations.class)
				.doesNotHaveBean(RecordedSpans.class));
	}

}
