package dev.agentobs.autoconfigure;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.internal.metrics.AgentMetrics;
import dev.agentobs.internal.metrics.AgentObservationTimerSuppressor;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.operation.AgentOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link AgentMetricsAutoConfiguration}, through Spring Boot's observation and
 * metrics auto-configuration and a real Prometheus registry.
 */
class AgentMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(), BootAutoConfigurations.metrics(),
				AgentObservationAutoConfiguration.class, AgentMetricsAutoConfiguration.class, AgentStatisticsAutoConfiguration.class))
		.withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

	@Test
	void observedOperationsAppearOnceEachInTheirOwnFamily() {
		this.contextRunner.run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			observations.agent("research-agent").observe(() -> {
				observations.step(1).observe(() -> {
					observations.model("openai", "gpt-4o").observe((call) -> call.tokens(100, 20));
					observations.tool("web_search").observe(() -> "results");
				});
				observations.codeExecution("python").observe(() -> 42);
			});
			String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
			assertThat(scrape)
				.contains("gen_ai_invoke_agent_duration_seconds_count{error_type=\"none\","
						+ "gen_ai_agent_name=\"research-agent\"} 1")
				.contains("agent_step_duration_seconds_count{error_type=\"none\",gen_ai_agent_name=\"research-agent\"} 1")
				.contains("gen_ai_client_operation_duration_seconds_count{error_type=\"none\","
						+ "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
						+ "gen_ai_request_model=\"gpt-4o\"} 1")
				.contains("gen_ai_execute_tool_duration_seconds_count{error_type=\"none\","
						+ "gen_ai_agent_name=\"research-agent\",gen_ai_tool_name=\"web_search\","
						+ "gen_ai_tool_type=\"function\"} 1")
				.contains("agent_code_execution_duration_seconds_count{error_type=\"none\",language=\"python\"} 1")
				.contains("agent_active_runs{gen_ai_agent_name=\"research-agent\"} 0");
			// Spring Boot's default meter handler would name timers after the observations
			assertThat(scrape).doesNotContain("gen_ai_invoke_agent_seconds", "gen_ai_client_operation_seconds",
					"gen_ai_execute_tool_seconds", "agent_step_seconds", "agent_code_execution_seconds",
					"_active_seconds");
		});
	}

	@Test
	void activeRunsCountsRunsInProgress() {
		this.contextRunner.run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			PrometheusMeterRegistry registry = context.getBean(PrometheusMeterRegistry.class);
			String during = observations.agent("research-agent").observe(() -> registry.scrape());
			assertThat(during).contains("agent_active_runs{gen_ai_agent_name=\"research-agent\"} 1");
		});
	}

	@Test
	void failedOperationIsCountedWithErrorTypeAndRethrown() {
		this.contextRunner.run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			assertThatIllegalStateException().isThrownBy(() -> observations.tool("web_search").observe(() -> {
				throw new IllegalStateException("search backend down");
			}));
			assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
				.contains("gen_ai_execute_tool_duration_seconds_count{error_type=\"java.lang.IllegalStateException\"");
		});
	}

	@Test
	void recordedOperationsReachTheSameFamilies() {
		this.contextRunner.run((context) -> {
			context.getBean(AgentObservations.class)
				.record(AgentOperation.modelCall("anthropic", "claude-sonnet-4")
					.tokens(50, 10)
					.duration(Duration.ofMillis(300))
					.build());
			assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
				.contains("gen_ai_client_operation_duration_seconds_count{error_type=\"none\","
						+ "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"anthropic\","
						+ "gen_ai_request_model=\"claude-sonnet-4\"} 1")
				.contains("gen_ai_token_type=\"input\"} 50.0");
		});
	}

	@Test
	void histogramBucketsGoOnlyToTheRegistriesThatPublishHistograms() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
					BootAutoConfigurations.metrics(), BootAutoConfigurations.compositeMetrics(),
					AgentObservationAutoConfiguration.class, AgentMetricsAutoConfiguration.class,
					AgentStatisticsAutoConfiguration.class))
			.withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
			.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				assertThat(context.getBean(MeterRegistry.class)).isInstanceOf(CompositeMeterRegistry.class);
				context.getBean(AgentObservations.class).tool("web_search").observe(() -> "results");
				assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
					.contains("# TYPE gen_ai_execute_tool_duration_seconds histogram")
					.contains("gen_ai_execute_tool_duration_seconds_bucket{error_type=\"none\","
							+ "gen_ai_agent_name=\"unknown\",gen_ai_tool_name=\"web_search\","
							+ "gen_ai_tool_type=\"function\",le=\"81.92\"} 1");
				Timer simple = context.getBean(SimpleMeterRegistry.class).get(AgentMetrics.TOOL_CALL_DURATION).timer();
				assertThat(simple.count()).isOne();
				assertThat(simple.takeSnapshot().histogramCounts()).isEmpty();
			});
	}

	@Test
	void runWithoutMeterRegistryShouldNotCreateMetrics() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AgentObservationAutoConfiguration.class, AgentMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(AgentMetrics.class)
				.doesNotHaveBean(AgentObservationTimerSuppressor.class));
	}

	@Test
	void runWhenDisabledShouldNotCreateMetrics() {
		this.contextRunner.withPropertyValues("monitoring.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AgentMetrics.class)
				.doesNotHaveBean(AgentObservationTimerSuppressor.class));
	}

	@Test
	void runWithUserMetricsShouldBackOff() {
		this.contextRunner
			.withBean("ownMetrics", AgentMetrics.class,
					() -> new AgentMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
							new dev.agentobs.internal.metrics.TagValueLimits(5)))
			.run((context) -> assertThat(context).getBeanNames(AgentMetrics.class).containsExactly("ownMetrics"));
	}

}
