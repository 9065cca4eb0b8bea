package dev.agentobs.autoconfigure;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.internal.cost.CostTracker;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.internal.stats.ActiveAgentRuns;
import dev.agentobs.internal.stats.OperationStatistics;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.stats.AgentStatistics;
import dev.agentobs.stats.MutableClock;
import dev.agentobs.stats.StatisticsSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentStatisticsAutoConfiguration}.
 */
class AgentStatisticsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
				AgentObservationAutoConfiguration.class, AgentCostAutoConfiguration.class,
				AgentStatisticsAutoConfiguration.class))
		.withPropertyValues("monitoring.logging.events=false");

	@Test
	void statisticsSeeEveryObservedAndRecordedOperation() {
		this.contextRunner.run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			AgentStatistics statistics = context.getBean(AgentStatistics.class);
			int activeDuringRun = observations.agent("research-agent").observe(() -> {
				observations.model("openai", "gpt-4o").observe((call) -> call.tokens(100, 20));
				return statistics.snapshot().activeRuns();
			});
			observations.record(AgentOperation.toolCall("web_search").errorType("timeout").build());

			StatisticsSnapshot snapshot = statistics.snapshot();
			assertThat(activeDuringRun).isEqualTo(1);
			assertThat(snapshot.activeRuns()).isZero();
			assertThat(snapshot.overall().window().requests()).isEqualTo(2);
			assertThat(snapshot.overall().window().errors()).isEqualTo(1);
			assertThat(snapshot.agents().get("research-agent").window().inputTokens()).isEqualTo(100);
			assertThat(snapshot.models()).containsKey("gpt-4o");
			assertThat(snapshot.tools().get("web_search").window().errors()).isEqualTo(1);
			assertThat(snapshot.today()).isNotNull();
			assertThat(snapshot.today().inputTokens()).isEqualTo(100);
			assertThat(snapshot.window()).isEqualTo(Duration.ofMinutes(5));
		});
	}

	@Test
	void windowAndClockComeFromTheApplication() {
		MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
		this.contextRunner.withPropertyValues("monitoring.window=1m")
			.withBean(MutableClock.class, () -> clock)
			.run((context) -> {
				AgentStatistics statistics = context.getBean(AgentStatistics.class);
				context.getBean(AgentObservations.class).record(AgentOperation.agentRun("research-agent").build());
				assertThat(statistics.snapshot().window()).isEqualTo(Duration.ofMinutes(1));
				assertThat(statistics.snapshot().time()).isEqualTo(clock.instant());
				clock.advance(Duration.ofSeconds(66));
				assertThat(statistics.snapshot().overall().window().requests()).isZero();
				assertThat(statistics.snapshot().overall().total().requests()).isEqualTo(1);
			});
	}

	@Test
	void windowShorterThanASecondFailsStartUpNamingTheKey() {
		this.contextRunner.withPropertyValues("monitoring.window=500ms").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.window", "Value: \"PT0.5S\"",
						"Reason: window must be from 1s to 1d (5m suits most services), was PT0.5S");
		});
	}

	@Test
	void userStatisticsReplaceTheDefaultOnes() {
		AgentStatistics custom = () -> {
			throw new UnsupportedOperationException();
		};
		this.contextRunner.withBean(AgentStatistics.class, () -> custom).run((context) -> {
			assertThat(context).doesNotHaveBean(OperationStatistics.class);
			assertThat(context.getBean(AgentStatistics.class)).isSameAs(custom);
		});
	}

	@Test
	void userActiveRunsCounterIsUsed() {
		this.contextRunner
			.withBean("myActiveRuns", ActiveAgentRuns.class, () -> new ActiveAgentRuns(new TagValueLimits(10)))
			.run((context) -> assertThat(context).hasSingleBean(ActiveAgentRuns.class).hasBean("myActiveRuns"));
	}

	@Test
	void nothingWhenMonitoringIsDisabled() {
		this.contextRunner.withPropertyValues("monitoring.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(AgentStatistics.class);
			assertThat(context).doesNotHaveBean(ActiveAgentRuns.class);
			assertThat(context).doesNotHaveBean(CostTracker.class);
		});
	}

}
