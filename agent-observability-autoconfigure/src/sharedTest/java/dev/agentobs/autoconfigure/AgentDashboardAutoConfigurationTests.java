package dev.agentobs.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.endpoint.AgentDashboardEndpoint;
import dev.agentobs.cost.AgentBudgetExceededException;
import dev.agentobs.internal.report.DashboardDescriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AgentDashboardAutoConfiguration}.
 */
class AgentDashboardAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
				AgentObservationAutoConfiguration.class, AgentCostAutoConfiguration.class,
				AgentStatisticsAutoConfiguration.class, AgentRunsAutoConfiguration.class,
				AgentAlertingAutoConfiguration.class, AgentDashboardAutoConfiguration.class))
		.withPropertyValues("monitoring.logging.events=false");

	@Test
	void dashboardExistsOnceExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(AgentDashboardEndpoint.class));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=agentdashboard")
			.run((context) -> {
				assertThat(context).hasSingleBean(AgentDashboardEndpoint.class);
				context.getBean(AgentObservations.class).agent("research-agent").observe(() -> "done");
				DashboardDescriptor dashboard = context.getBean(AgentDashboardEndpoint.class)
					.dashboard(null, null, null, null);
				assertThat(dashboard.statistics().agents()).containsKey("research-agent");
				assertThat(dashboard.runs().runs()).hasSize(1);
				assertThat(dashboard.alerts()).isEmpty();
			});
	}

	@Test
	void dashboardShowsWhatIsOnWithoutWhatIsOff() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=agentdashboard",
					"monitoring.runs.enabled=false", "monitoring.alerts.enabled=false")
			.run((context) -> {
				DashboardDescriptor dashboard = context.getBean(AgentDashboardEndpoint.class)
					.dashboard(null, null, null, null);
				assertThat(dashboard.runs()).isNull();
				assertThat(dashboard.alerts()).isNull();
				assertThat(context.getBean(AgentDashboardEndpoint.class).page(null, null, null, null))
					.contains("Runs are not kept", "Alerting is off");
			});
	}

	@Test
	void dashboardShowsTheBudgetsTheAgentsEndpointShows() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=agentdashboard")
			.run((context) -> assertThat(context.getBean(AgentDashboardEndpoint.class).page(null, null, null, null))
				.contains("<dd class=\"note\">none configured</dd>"));
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=agentdashboard",
					"monitoring.budgets.agents.research-agent.max-steps=1")
			.run((context) -> {
				AgentObservations observations = context.getBean(AgentObservations.class);
				assertThatExceptionOfType(AgentBudgetExceededException.class)
					.isThrownBy(() -> observations.agent("research-agent").observe(() -> {
						observations.step(1).observe(() -> "searched");
						return observations.step(2).observe(() -> "written");
					}));
				DashboardDescriptor dashboard = context.getBean(AgentDashboardEndpoint.class)
					.dashboard(null, null, null, null);
				assertThat(dashboard.statistics().budgets().agents().get("research-agent").stops())
					.containsEntry("max-steps", 1L);
				assertThat(context.getBean(AgentDashboardEndpoint.class).page(null, null, null, null))
					.contains("<dt>Budgets</dt><dd class=\"value\">1</dd><dd class=\"note\">runs stopped (enforce)"
							+ " \u00b7 last: research-agent max-steps at ");
			});
	}

}
