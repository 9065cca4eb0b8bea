package dev.agentobs.autoconfigure;

import java.util.List;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.endpoint.AgentRunsEndpoint;
import dev.agentobs.internal.runs.RecentRuns;
import dev.agentobs.internal.runs.RecordedRun;
import dev.agentobs.internal.runs.RunTrees;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentRunsAutoConfiguration}: the recent runs of the facade, traced by the
 * OpenTelemetry SDK exporting to memory, so that each run's tree is compared with its spans.
 */
class AgentRunsAutoConfigurationTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
				BootAutoConfigurations.openTelemetrySdk(), BootAutoConfigurations.openTelemetryTracing(),
				BootAutoConfigurations.micrometerTracing(), AgentObservationAutoConfiguration.class,
				AgentTracingAutoConfiguration.class, AgentCostAutoConfiguration.class, AgentRunsAutoConfiguration.class))
		.withPropertyValues("management.tracing.sampling.probability=1.0", "monitoring.logging.events=false")
		.withBean(SpanProcessor.class, () -> SimpleSpanProcessor.create(this.exporter));

	@Test
	void facadeRunIsKeptAsATreeThatNestsAsItsSpans() {
		this.contextRunner.withPropertyValues("monitoring.cost.models.gpt-4o.input=2.50",
				"monitoring.cost.models.gpt-4o.output=10.00")
			.run((context) -> {
				AgentObservations observations = context.getBean(AgentObservations.class);
				observations.agent("research-agent").conversationId("conv-1").observe(() -> {
					observations.step(1).observe(() -> {
						observations.model("openai", "gpt-4o").observe((call) -> call.tokens(1200, 300));
						observations.tool("web_search").observe(() -> "results");
						observations.tool("fact_check").observe(() -> observations.agent("fact-checker").observe(() -> {
							observations.step(1)
								.observe(() -> observations.model("openai", "gpt-4o").observe((call) -> call.tokens(100, 10)));
							return "checked";
						}));
					});
					observations.step(2).observe(() -> {
						observations.codeExecution("python").observe(() -> 4);
						return observations.model("openai", "gpt-4o").observe((call) -> call.tokens(400, 50));
					});
				});
				RecordedRun run = context.getBean(RecentRuns.class).runs().get(0);
				List<SpanData> spans = this.exporter.getFinishedSpanItems();
				String spanTree = SpanTrees.outline(spans, "invoke_agent research-agent");
				assertThat(spanTree).isEqualTo("""
						invoke_agent research-agent
						  step 1 research-agent
						    chat gpt-4o
						    execute_tool web_search
						    execute_tool fact_check
						      invoke_agent fact-checker
						        step 1 fact-checker
						          chat gpt-4o
						  step 2 research-agent
						    execute_code python
						    chat gpt-4o
						""");
				assertThat(RunTrees.outline(run.root())).isEqualTo(spanTree);
				SpanData root = spans.stream()
					.filter((span) -> span.getName().equals("invoke_agent research-agent"))
					.findFirst()
					.orElseThrow();
				assertThat(run.traceId()).isEqualTo(root.getTraceId());
				assertThat(run.conversationId()).isEqualTo("conv-1");
				assertThat(run.totals().operations()).isEqualTo(10);
				assertThat(run.totals().inputTokens()).isEqualTo(1700);
				// 1,700 input tokens at $2.50 and 360 output tokens at $10.00 per million
				assertThat(run.totals().cost()).isEqualTo(0.00785);
			});
	}

	@Test
	void runsAreKeptWithoutTracingToo() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
					AgentObservationAutoConfiguration.class, AgentRunsAutoConfiguration.class))
			.withPropertyValues("monitoring.logging.events=false")
			.run((context) -> {
				AgentObservations observations = context.getBean(AgentObservations.class);
				observations.agent("research-agent")
					.observe(() -> observations.tool("fact_check")
						.observe(() -> observations.agent("fact-checker").observe(() -> "checked")));
				RecordedRun run = context.getBean(RecentRuns.class).runs().get(0);
				assertThat(RunTrees.outline(run.root())).isEqualTo("""
						invoke_agent research-agent
						  execute_tool fact_check
						    invoke_agent fact-checker
						""");
				assertThat(run.traceId()).isNull();
			});
	}

	@Test
	void limitsComeFromTheProperties() {
		this.contextRunner.withPropertyValues("monitoring.runs.max-runs=7", "monitoring.runs.max-operations-per-run=3")
			.run((context) -> {
				RecentRuns runs = context.getBean(RecentRuns.class);
				assertThat(runs.maxRuns()).isEqualTo(7);
				assertThat(runs.maxOperationsPerRun()).isEqualTo(3);
			});
	}

	@Test
	void defaultLimitsAreTheCoresDefaults() {
		this.contextRunner.run((context) -> {
			RecentRuns runs = context.getBean(RecentRuns.class);
			assertThat(runs.maxRuns()).isEqualTo(RecentRuns.DEFAULT_MAX_RUNS);
			assertThat(runs.maxOperationsPerRun()).isEqualTo(RecentRuns.DEFAULT_MAX_OPERATIONS_PER_RUN);
		});
	}

	@Test
	void runsCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("monitoring.runs.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RecentRuns.class)
				.doesNotHaveBean(AgentRunsEndpoint.class));
	}

	@Test
	void endpointIsAvailableWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=agentruns")
			.run((context) -> assertThat(context).hasSingleBean(AgentRunsEndpoint.class));
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(AgentRunsEndpoint.class));
	}

	@Test
	void badLimitFailsStartUpNamingKeyValueAndFix() {
		this.contextRunner.withPropertyValues("monitoring.runs.max-runs=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.of(context.getStartupFailure())).contains("Property: monitoring.runs.max-runs",
					"Value: \"0\"", "Reason: max-runs must be 1 to 100000 (100 suits most services), was 0");
		});
		this.contextRunner.withPropertyValues("monitoring.runs.max-operations-per-run=-5").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.of(context.getStartupFailure())).contains(
					"Property: monitoring.runs.max-operations-per-run", "Value: \"-5\"",
					"Reason: max-operations-per-run must be 1 to 100000 (200 suits most services), was -5");
		});
	}

}
