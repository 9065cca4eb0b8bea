package dev.agentobs.internal.alert;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PrometheusRuleGenerator}.
 */
class PrometheusRuleGeneratorTests {

	private final AlertThresholds thresholds = new AlertThresholds(0.10, Duration.ofSeconds(5), 10, 10.0, 2_000_000, 0.8);

	private final String yaml = generator(RunbookLinks.NONE).generate(this.thresholds);

	@Test
	void isAPrometheusRuleWithOneGroupPerCategory() {
		Map<String, Object> document = new Yaml().load(this.yaml);
		assertThat(document).containsEntry("apiVersion", "monitoring.coreos.com/v1")
			.containsEntry("kind", "PrometheusRule");
		assertThat(groups(document)).extracting((group) -> group.get("name"))
			.containsExactly("agent-observability.availability", "agent-observability.errors",
					"agent-observability.latency", "agent-observability.budgets");
	}

	@Test
	void everyRuleHasExpressionForSeverityAndAnnotations() {
		List<Map<String, Object>> rules = rules(this.yaml);
		assertThat(rules).extracting((rule) -> rule.get("alert"))
			.containsExactly("AgentServiceDown", "HighAgentErrorRate", "AgentFailureSpike", "HighAgentLatency",
					"AgentDailyCostBudget", "AgentDailyCostBudgetNearlySpent", "AgentDailyTokenBudget",
					"AgentDailyTokenBudgetNearlySpent", "AgentBudgetExceeded");
		assertThat(rules).allSatisfy((rule) -> {
			assertThat(rule).containsKeys("expr", "for", "labels", "annotations");
			assertThat(annotations(rule)).containsKeys("summary", "description").doesNotContainKey("runbook_url");
		});
		Map<String, Object> errorRate = rule(rules, "HighAgentErrorRate");
		assertThat((String) errorRate.get("expr")).contains(
				"rate(gen_ai_invoke_agent_duration_seconds_count{error_type!=\"none\"}[5m])", ") > 0.1\n",
				"increase(gen_ai_invoke_agent_duration_seconds_count[5m])) >= 10");
		assertThat(errorRate.get("for")).isEqualTo("2m");
		assertThat(labels(errorRate)).containsEntry("category", "error");
		assertThat((String) rule(rules, "HighAgentLatency").get("expr"))
			.contains("histogram_quantile(0.95, sum by (le, gen_ai_agent_name) "
					+ "(rate(gen_ai_invoke_agent_duration_seconds_bucket[5m])))")
			.contains("> 5\n");
		assertThat(rule(rules, "AgentDailyCostBudget").get("expr"))
			.isEqualTo("sum by (namespace, job) (increase(gen_ai_client_cost_usd_total[24h])) > 10\n");
		assertThat(rule(rules, "AgentDailyTokenBudget").get("expr"))
			.isEqualTo("sum by (namespace, job) (increase(gen_ai_client_token_usage_tokens_sum[24h])) > 2000000\n");
	}

	@Test
	void pagesForWhatNeedsSomeoneNowAndTicketsTheRest() {
		Map<String, Object> severities = new LinkedHashMap<>();
		rules(this.yaml).forEach((rule) -> severities.put((String) rule.get("alert"), labels(rule).get("severity")));
		assertThat(severities).containsExactly(Map.entry("AgentServiceDown", "critical"),
				Map.entry("HighAgentErrorRate", "critical"), Map.entry("AgentFailureSpike", "critical"),
				Map.entry("HighAgentLatency", "warning"), Map.entry("AgentDailyCostBudget", "critical"),
				Map.entry("AgentDailyCostBudgetNearlySpent", "warning"), Map.entry("AgentDailyTokenBudget", "critical"),
				Map.entry("AgentDailyTokenBudgetNearlySpent", "warning"), Map.entry("AgentBudgetExceeded", "warning"));
	}

	@Test
	void budgetStopsFireAtOnceForAnyRunOfAnAgentStoppedInTheWindow() {
		Map<String, Object> stops = rule(rules(this.yaml), "AgentBudgetExceeded");
		assertThat(stops.get("expr"))
			.isEqualTo("sum by (gen_ai_agent_name) (increase(agent_budget_exceeded_total[5m])) > 0\n");
		assertThat(stops.get("for")).isEqualTo("0s");
		assertThat(labels(stops)).containsEntry("category", "budget");
		assertThat(annotations(stops)).containsEntry("threshold", "0")
			.containsEntry("summary", "{{ $labels.gen_ai_agent_name }}{{ range $i, $limit := query (printf "
					+ "`sum by (limit) (increase(agent_budget_exceeded_total{gen_ai_agent_name=%q}[5m])) > 0` "
					+ "$labels.gen_ai_agent_name) | sortByLabel \"limit\" }}{{ if $i }},{{ end }} "
					+ "{{ $limit.Labels.limit }}{{ end }} {{ $value | humanize }} > 0");
	}

	@Test
	void serviceDownWatchesTheJobsUpSeriesAndItsAbsenceForOneMinute() {
		Map<String, Object> down = rule(rules(this.yaml), "AgentServiceDown");
		assertThat(down.get("expr"))
			.isEqualTo("up{job=\"research-assistant\"} == 0\nor absent(up{job=\"research-assistant\"})\n");
		assertThat(down.get("for")).isEqualTo("1m");
		assertThat(labels(down)).containsEntry("category", "availability");
		assertThat(annotations(down)).doesNotContainKey("threshold");
	}

	@Test
	void serviceDownEscapesTheJobAsAPromQlString() {
		String yaml = new PrometheusRuleGenerator("agent-observability", Duration.ofMinutes(5), 10,
				Duration.ofMinutes(2), "a \"quoted\" \\ job", RunbookLinks.NONE)
			.generate(this.thresholds);
		assertThat((String) rule(rules(yaml), "AgentServiceDown").get("expr"))
			.startsWith("up{job=\"a \\\"quoted\\\" \\\\ job\"} == 0\n");
	}

	@Test
	void budgetWarningsFireAtTheShareOfEachBudgetBesideTheBudgets() {
		List<Map<String, Object>> rules = rules(this.yaml);
		Map<String, Object> cost = rule(rules, "AgentDailyCostBudgetNearlySpent");
		assertThat(cost.get("expr"))
			.isEqualTo("sum by (namespace, job) (increase(gen_ai_client_cost_usd_total[24h])) >= 8\n");
		assertThat(cost.get("for")).isEqualTo("0s");
		assertThat(labels(cost)).containsEntry("category", "budget");
		assertThat(annotations(cost)).containsEntry("threshold", "$8.00")
			.containsEntry("summary",
					"{{ $labels.job }} cost over the last 24h ${{ $value | printf \"%.2f\" }} >= $8.00 (80% of $10.00)");
		Map<String, Object> tokens = rule(rules, "AgentDailyTokenBudgetNearlySpent");
		assertThat(tokens.get("expr"))
			.isEqualTo("sum by (namespace, job) (increase(gen_ai_client_token_usage_tokens_sum[24h])) >= 1600000\n");
		assertThat(annotations(tokens)).containsEntry("threshold", "1,600,000");
	}

	@Test
	void budgetWarningIsTheDecimalShareOfTheBudget() {
		String yaml = generator(RunbookLinks.NONE)
			.generate(new AlertThresholds(0.10, Duration.ofSeconds(5), 10, 0.30, 1001, 0.8));
		assertThat((String) rule(rules(yaml), "AgentDailyCostBudgetNearlySpent").get("expr")).endsWith(") >= 0.24\n");
		assertThat((String) rule(rules(yaml), "AgentDailyTokenBudgetNearlySpent").get("expr"))
			.endsWith(") >= 800.8\n");
	}

	@Test
	void everyRuleLinksItsRunbookWhenABaseIsSet() {
		List<Map<String, Object>> paths = rules(
				generator(new RunbookLinks(URI.create("https://runbooks.example.com/agents"))).generate(this.thresholds));
		assertThat(paths).allSatisfy((rule) -> assertThat(annotations(rule)).containsEntry("runbook_url",
				"https://runbooks.example.com/agents/" + ((String) rule.get("alert")).toLowerCase()));
		List<Map<String, Object>> anchors = rules(generator(
				new RunbookLinks(URI.create("https://github.com/acme/ops/blob/main/alerting.md#")))
			.generate(this.thresholds));
		assertThat(annotations(rule(anchors, "AgentServiceDown"))).containsEntry("runbook_url",
				"https://github.com/acme/ops/blob/main/alerting.md#agentservicedown");
	}

	@Test
	void runbookBaseMustBeAnHttpUrl() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RunbookLinks(URI.create("file:/etc/runbooks")))
			.withMessage("base must be an http or https URL such as https://runbooks.example.com/agents/, "
					+ "was file:/etc/runbooks");
	}

	static PrometheusRuleGenerator generator(RunbookLinks runbooks) {
		return new PrometheusRuleGenerator("agent-observability", Duration.ofMinutes(5), 10, Duration.ofMinutes(2),
				"research-assistant", runbooks);
	}

	private static Map<String, Object> rule(List<Map<String, Object>> rules, String alert) {
		return rules.stream().filter((rule) -> alert.equals(rule.get("alert"))).findFirst().orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> labels(Map<String, Object> rule) {
		return (Map<String, Object>) rule.get("labels");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> annotations(Map<String, Object> rule) {
		return (Map<String, Object>) rule.get("annotations");
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> groups(Map<String, Object> document) {
		return (List<Map<String, Object>>) ((Map<String, Object>) document.get("spec")).get("groups");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rules(String yaml) {
		return groups(new Yaml().load(yaml)).stream()
			.flatMap((group) -> ((List<Map<String, Object>>) group.get("rules")).stream())
			.toList();
	}

}
