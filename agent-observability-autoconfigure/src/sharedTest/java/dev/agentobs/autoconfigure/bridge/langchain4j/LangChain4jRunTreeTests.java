package dev.agentobs.autoconfigure.bridge.langchain4j;

import java.util.List;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.service.AiServices;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.autoconfigure.AgentObservationAutoConfiguration;
import dev.agentobs.autoconfigure.AgentRunsAutoConfiguration;
import dev.agentobs.autoconfigure.AgentTracingAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.autoconfigure.LangChain4jBridgeAutoConfiguration;
import dev.agentobs.autoconfigure.SpanTrees;
import dev.agentobs.internal.bridge.langchain4j.LangChain4jAiServiceObserver;
import dev.agentobs.internal.runs.RecentRuns;
import dev.agentobs.internal.runs.RecordedRun;
import dev.agentobs.internal.runs.RunTrees;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recent runs of LangChain4j: real AI services over a scripted chat model, traced by the
 * OpenTelemetry SDK, so that each run's tree is compared with its spans.
 */
class LangChain4jRunTreeTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
				BootAutoConfigurations.openTelemetrySdk(), BootAutoConfigurations.openTelemetryTracing(),
				BootAutoConfigurations.micrometerTracing(), AgentObservationAutoConfiguration.class,
				AgentTracingAutoConfiguration.class, AgentRunsAutoConfiguration.class,
				LangChain4jBridgeAutoConfiguration.class))
		.withPropertyValues("management.tracing.sampling.probability=1.0", "monitoring.logging.events=false")
		.withBean(SpanProcessor.class, () -> SimpleSpanProcessor.create(this.exporter));

	@Test
	void aiServiceRunWithASubAgentInItsToolIsKeptAsATreeThatNestsAsItsSpans() {
		this.contextRunner.run((context) -> {
			LangChain4jAiServiceObserver observer = context.getBean(LangChain4jAiServiceObserver.class);
			ScriptedChatModel model = new ScriptedChatModel(
					context.getBeanProvider(ChatModelListener.class).orderedStream().toList());
			FactChecker factChecker = observer.observe(AiServices.builder(FactChecker.class)).chatModel(model).build();
			Researcher researcher = observer.observe(AiServices.builder(Researcher.class))
				.chatModel(model)
				.tools(new FactCheckedWeather(factChecker))
				.build();
			assertThat(researcher.chat("What is the weather in Paris?")).isEqualTo("It is sunny in Paris.");
			RecordedRun run = context.getBean(RecentRuns.class).runs().get(0);
			List<SpanData> spans = this.exporter.getFinishedSpanItems();
			String spanTree = SpanTrees.outline(spans, "invoke_agent Researcher");
			assertThat(spanTree).isEqualTo("""
					invoke_agent Researcher
					  step 1 Researcher
					    chat gpt-4o
					    execute_tool currentWeather
					      invoke_agent FactChecker
					        step 1 FactChecker
					          chat gpt-4o
					  step 2 Researcher
					    chat gpt-4o
					""");
			assertThat(RunTrees.outline(run.root())).isEqualTo(spanTree);
			assertThat(run.totals().inputTokens()).isEqualTo(60 + 12 + 80);
			assertThat(context.getBean(RecentRuns.class).runs()).hasSize(1);
		});
	}

	interface Researcher {

		String chat(String question);

	}

	interface FactChecker {

		String chat(String question);

	}

	static class FactCheckedWeather {

		private final FactChecker factChecker;

		FactCheckedWeather(FactChecker factChecker) {
			this.factChecker = factChecker;
		}

		@Tool("The current weather in a city")
		String currentWeather(String city) {
			return "sunny in " + this.factChecker.chat("What is the capital of France?");
		}

	}

}
