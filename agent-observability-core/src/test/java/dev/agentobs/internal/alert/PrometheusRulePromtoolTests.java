package dev.agentobs.internal.alert;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import dev.agentobs.alert.AlertRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The generated rules as Prometheus itself reads them: {@code promtool check rules} accepts
 * them, and {@code promtool test rules} shows when the service-down rule and the budget
 * warnings fire. Skipped, saying so, only where promtool is not installed (Debian's
 * {@code prometheus} package has it; CI installs it).
 */
class PrometheusRulePromtoolTests {

	private static final String JOB = "research-assistant";

	private static @Nullable Path promtool;

	@TempDir
	private Path directory;

	@BeforeAll
	static void findPromtool() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, "promtool");
			if (Files.isExecutable(candidate)) {
				promtool = candidate;
				return;
			}
		}
	}

	@Test
	void promtoolAcceptsTheRules() throws Exception {
		assertThat(promtool("check", "rules", rulesFile().toString())).contains("SUCCESS: 9 rules found");
	}

	@Test
	void serviceDownFiresAfterAMinuteOfFailedScrapesOrWithNoTargetLeft() throws Exception {
		promtoolTest("""
				  - interval: 15s
				    input_series:
				      - series: 'up{job="%1$s",instance="pod-a"}'
				        values: '1 1 1 1 0x12'
				      - series: 'up{job="%1$s",instance="pod-b"}'
				        values: '1x16'
				    alert_rule_test:
				      - eval_time: 1m30s
				        alertname: AgentServiceDown
				        exp_alerts: []
				      - eval_time: 2m15s
				        alertname: AgentServiceDown
				        exp_alerts:
				          - exp_labels: { severity: critical, category: availability, job: %1$s, instance: pod-a }
				            exp_annotations:
				              summary: %1$s at pod-a is down
				              description: '%2$s'
				  - interval: 15s
				    input_series:
				      - series: 'up{job="another-service",instance="pod-c"}'
				        values: '1x8'
				    alert_rule_test:
				      - eval_time: 45s
				        alertname: AgentServiceDown
				        exp_alerts: []
				      - eval_time: 1m
				        alertname: AgentServiceDown
				        exp_alerts:
				          - exp_labels: { severity: critical, category: availability, job: %1$s }
				            exp_annotations:
				              summary: %1$s is down
				              description: '%2$s'
				""".formatted(JOB, quoted(PrometheusRuleGenerator.SERVICE_DOWN_DESCRIPTION)));
	}

	@Test
	void budgetWarningsFireAtEightyPercentAndNotAtSeventyNine() throws Exception {
		promtoolTest("""
				  - interval: 1m
				    input_series:
				      - series: 'gen_ai_client_cost_usd_total{namespace="agents",job="%1$s",gen_ai_request_model="gpt-4o"}'
				        values: '0 8'
				      - series: 'gen_ai_client_token_usage_tokens_sum{namespace="agents",job="%1$s",gen_ai_token_type="input"}'
				        values: '0 1600000'
				    alert_rule_test:
				      - eval_time: 1m
				        alertname: AgentDailyCostBudgetNearlySpent
				        exp_alerts:
				          - exp_labels: { severity: warning, category: budget, namespace: agents, job: %1$s }
				            exp_annotations:
				              summary: '%1$s cost over the last 24h $8.00 >= $8.00 (80%% of $10.00)'
				              description: '%2$s'
				              threshold: '$8.00'
				      - eval_time: 1m
				        alertname: AgentDailyTokenBudgetNearlySpent
				        exp_alerts:
				          - exp_labels: { severity: warning, category: budget, namespace: agents, job: %1$s }
				            exp_annotations:
				              summary: '%1$s tokens over the last 24h 1.6M >= 1,600,000 (80%% of 2,000,000)'
				              description: '%3$s'
				              threshold: '1,600,000'
				      - eval_time: 1m
				        alertname: AgentDailyCostBudget
				        exp_alerts: []
				  - interval: 1m
				    input_series:
				      - series: 'gen_ai_client_cost_usd_total{namespace="agents",job="%1$s",gen_ai_request_model="gpt-4o"}'
				        values: '0 7.9'
				      - series: 'gen_ai_client_token_usage_tokens_sum{namespace="agents",job="%1$s",gen_ai_token_type="input"}'
				        values: '0 1580000'
				    alert_rule_test:
				      - eval_time: 1m
				        alertname: AgentDailyCostBudgetNearlySpent
				        exp_alerts: []
				      - eval_time: 1m
				        alertname: AgentDailyTokenBudgetNearlySpent
				        exp_alerts: []
				""".formatted(JOB, quoted(AlertRule.DAILY_COST_WARNING.description()),
				quoted(AlertRule.DAILY_TOKENS_WARNING.description())));
	}

	@Test
	void budgetStopsFireForTheAgentsStoppedInTheWindowNamingTheirLimits() throws Exception {
		promtoolTest("""
				  - interval: 1m
				    input_series:
				      - series: 'agent_budget_exceeded_total{job="%1$s",instance="pod-a",gen_ai_agent_name="research-agent",limit="max-tokens"}'
				        values: '0 0 1 1 1 1 1 1 1 1'
				      - series: 'agent_budget_exceeded_total{job="%1$s",instance="pod-b",gen_ai_agent_name="research-agent",limit="max-cost"}'
				        values: '0 0 0 2 2 2 2 2 2 2'
				      - series: 'agent_budget_exceeded_total{job="%1$s",instance="pod-a",gen_ai_agent_name="planner",limit="max-steps"}'
				        values: '3 3 3 3 3 3 3 3 3 3'
				    alert_rule_test:
				      - eval_time: 1m
				        alertname: AgentBudgetExceeded
				        exp_alerts: []
				      - eval_time: 3m
				        alertname: AgentBudgetExceeded
				        exp_alerts:
				          - exp_labels: { severity: warning, category: budget, gen_ai_agent_name: research-agent }
				            exp_annotations:
				              summary: 'research-agent max-cost, max-tokens 3 > 0'
				              description: '%2$s'
				              threshold: '0'
				      - eval_time: 9m
				        alertname: AgentBudgetExceeded
				        exp_alerts: []
				""".formatted(JOB, quoted(AlertRule.BUDGET_EXCEEDED.description())));
	}

	// A single-quoted YAML scalar's text
	private static String quoted(String text) {
		return text.replace("'", "''");
	}

	private void promtoolTest(String tests) throws Exception {
		Path rules = rulesFile();
		Path file = this.directory.resolve("tests.yml");
		Files.writeString(file, "rule_files: [" + rules.getFileName() + "]\nevaluation_interval: 15s\ntests:\n" + tests);
		assertThat(promtool("test", "rules", file.toString())).contains("SUCCESS");
	}

	/** The PrometheusRule's groups as a Prometheus rules file, which is what its spec holds. */
	private Path rulesFile() throws Exception {
		String yaml = PrometheusRuleGeneratorTests.generator(RunbookLinks.NONE)
			.generate(new AlertThresholds(0.10, Duration.ofSeconds(5), 10, 10.0, 2_000_000, 0.8));
		List<Map<String, Object>> groups = PrometheusRuleGeneratorTests.groups(new Yaml().load(yaml));
		Path file = this.directory.resolve("rules.yml");
		Files.writeString(file, new Yaml().dump(Map.of("groups", groups)));
		return file;
	}

	private String promtool(String... arguments) throws Exception {
		if (promtool == null) {
			String message = "promtool is not on the PATH: install Debian's prometheus package "
					+ "(apt-get install prometheus; .ci/run installs it) to run it";
			// Skipped on a developer's machine without it, never in CI
			assertThat("true".equalsIgnoreCase(System.getenv("CI"))).as(message).isFalse();
			assumeTrue(false, message);
		}
		List<String> command = new ArrayList<>();
		command.add(promtool.toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", arguments), output).isZero();
		return output;
	}

}
