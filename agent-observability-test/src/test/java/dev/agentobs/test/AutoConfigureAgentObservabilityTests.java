package dev.agentobs.test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.internal.metrics.AgentMetrics;
import dev.agentobs.internal.tracing.AgentTracingObservationHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the auto-configurations {@link AutoConfigureAgentObservability} imports.
 */
class AutoConfigureAgentObservabilityTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(ObservedConfiguration.class);

	@Test
	void importsTheStarterWithMetricsAndTracing() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(AgentObservations.class)
			.hasSingleBean(AgentMetrics.class)
			.hasSingleBean(PrometheusMeterRegistry.class)
			.hasSingleBean(AgentTracingObservationHandler.class)
			.hasSingleBean(RecordedAgentOperations.class)
			.hasSingleBean(RecordedSpans.class));
	}

	@Test
	void importsEveryAutoConfigurationOfTheStarterWithoutListingThem() {
		this.contextRunner.run((context) -> {
			List<String> starter = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
				.getCandidates()
				.stream()
				.filter((candidate) -> candidate.startsWith("dev.agentobs."))
				.toList();
			assertThat(starter).isNotEmpty();
			assertThat(considered(context)).containsAll(starter);
		});
	}

	@Test
	void importsNoAutoConfigurationOutsideObservability() {
		this.contextRunner.run((context) -> assertThat(considered(context)).allMatch(
				(autoConfiguration) -> autoConfiguration.startsWith("dev.agentobs.")
						|| autoConfiguration.startsWith("org.springframework.boot.micrometer.")
						|| autoConfiguration.startsWith("org.springframework.boot.opentelemetry."),
				"an auto-configuration of the starter, of Micrometer or of OpenTelemetry"));
	}

	@Test
	void importsNothingWhenMonitoringIsDisabledButTheRecorder() {
		this.contextRunner.withPropertyValues("monitoring.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AgentObservations.class)
				.hasSingleBean(RecordedAgentOperations.class));
	}

	private static Set<String> considered(AssertableApplicationContext context) {
		ConditionEvaluationReport report = ConditionEvaluationReport.get(context.getBeanFactory());
		Set<String> considered = new HashSet<>(report.getUnconditionalClasses());
		for (String source : report.getConditionAndOutcomesBySource().keySet()) {
			if (!source.contains("#") && !source.contains("$")) {
				considered.add(source);
			}
		}
		considered.remove(ObservedConfiguration.class.getName());
		return considered;
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigureAgentObservability
	static class ObservedConfiguration {

	}

}
