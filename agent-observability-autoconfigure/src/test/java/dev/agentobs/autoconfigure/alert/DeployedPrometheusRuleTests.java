package dev.agentobs.autoconfigure.alert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.autoconfigure.AgentAlertingAutoConfiguration;
import dev.agentobs.autoconfigure.AgentCostAutoConfiguration;
import dev.agentobs.autoconfigure.AgentObservationAutoConfiguration;
import dev.agentobs.autoconfigure.AgentStatisticsAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.internal.alert.AlertThresholds;
import dev.agentobs.internal.alert.PrometheusRuleGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PrometheusRule shipped in {@code deploy/kubernetes} is what the starter generates for
 * its default configuration and the job of the ServiceMonitor beside it: this fails as soon
 * as the two drift apart.
 */
class DeployedPrometheusRuleTests {

	private static final Path DEPLOYED = Path.of("..", "deploy", "kubernetes", "prometheusrule.yaml");

	@Test
	void deployedRuleIsTheGeneratedRuleOfTheDefaults() throws Exception {
		String deployed = Files.readAllLines(DEPLOYED)
			.stream()
			.filter((line) -> !line.startsWith("#"))
			.collect(Collectors.joining("\n", "", "\n"));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(),
					AgentObservationAutoConfiguration.class, AgentCostAutoConfiguration.class,
					AgentStatisticsAutoConfiguration.class, AgentAlertingAutoConfiguration.class))
			// The job servicemonitor.yaml makes: the name of the sample's Service
			.withPropertyValues("monitoring.alerts.enabled=false", "monitoring.alerts.scrape-job=agent-sample")
			.run((context) -> assertThat(deployed).isEqualTo(context.getBean(PrometheusRuleGenerator.class)
				.generate(context.getBean(AlertThresholds.class))));
	}

}
