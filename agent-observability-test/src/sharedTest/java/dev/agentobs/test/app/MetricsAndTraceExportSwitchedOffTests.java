package dev.agentobs.test.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import dev.agentobs.internal.metrics.AgentMetrics;
import dev.agentobs.test.AutoConfigureAgentObservability;
import dev.agentobs.test.RecordedAgentOperations;
import dev.agentobs.test.RecordedSpans;

import static dev.agentobs.test.AgentObservabilityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureAgentObservability @AutoConfigureAgentObservability} with export
 * switched off: nothing leaves the test, and everything is still recorded, in memory.
 */
@SpringBootTest
@AutoConfigureAgentObservability(exportMetrics = false, exportTraces = false)
class MetricsAndTraceExportSwitchedOffTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private Environment environment;

	@Autowired
	private ResearchAgent agent;

	@Autowired
	private RecordedAgentOperations recorded;

	@Autowired
	private RecordedSpans spans;

	@Test
	void operationsAndSpansAreRecordedWhileNothingIsExported() {
		assertThat(this.context.getBeansOfType(PrometheusMeterRegistry.class)).isEmpty();
		// The switch Spring Boot's test support turns off: Spring Boot 4 renamed it
		String traceExport = SpringBootVersion.getVersion().startsWith("3.") ? "management.tracing.enabled"
				: "management.tracing.export.enabled";
		assertThat(this.environment.getProperty(traceExport)).isEqualTo("false");
		assertThat(this.environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
		this.agent.answer("Why is the sky blue?");
		assertThat(this.recorded).hasAgentRun("research-agent").withSteps(3);
		assertThat(this.context.getBean(MeterRegistry.class).get(AgentMetrics.AGENT_RUN_DURATION).timer().count())
			.isOne();
		assertThat(this.spans).hasSpanTree("""
				invoke_agent research-agent
				  step 2 research-agent
				    execute_tool web_search
				  step 1 research-agent
				    chat gpt-4o
				  step 3 research-agent
				    chat gpt-4o
				""");
	}

}
