package dev.agentobs.internal.alert;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PrometheusRuleGenerator}.
 */
class PrometheusRuleGeneratorTests {

	private final AlertThresholds thresholds = new AlertThresholds(0.10, Duration.ofSeconds(5), 10, 10.0, 2_000_000);

	private final String yaml = new PrometheusRuleGenerator("agent-observability", Duration.ofMinutes(5), 10,
			Duration.ofMinutes(2))
		.generate(this.thresholds);

	@Test
	void isAPrometheusRuleWithOneGroupPerCategory() {
		Map<String, Object> document = new Yaml().load(this.yaml);
		assertThat(document).containsEntry("apiVersion", "monitoring.coreos.com/v1")
			.containsEntry("kind", "PrometheusRule");
		assertThat(groups(document)).extracting((group) -> group.get("name"))
			.containsExactly("agent-observability.errors", "agent-observability.latency",
					"agent-observability.budgets");
	}

	@Test
	void everyRuleHasExpressionForSeverityAndAnnotations() {
		List<Map<String, Object>> rules = rules(new Yaml().load(this.yaml));
		assertThat(rules).extracting((rule) -> rule.get("alert"))
			.containsExactly("HighAgentErrorRate", "AgentFailureSpike", "HighAgentLatency", "AgentDailyCostBudget",
					"AgentDailyTokenBudget");
		assertThat(rules).allSatisfy((rule) -> {
			assertThat(rule).containsKeys("expr", "for", "labels", "annotations");
			assertThat((Map<String, Object>) rule.get("annotations")).containsKeys("summary", "description");
		});
		Map<String, Object> errorRate = rules.get(0);
		assertThat((String) errorRate.get("expr")).contains(
				"rate(gen_ai_invoke_agent_duration_seconds_count{error_type!=\"none\"}[5m])", ") > 0.1\n",
				"increase(gen_ai_invoke_agent_duration_seconds_count[5m])) >= 10");
		assertThat(errorRate.get("for")).isEqualTo("2m");
		assertThat((Map<String, Object>) errorRate.get("labels")).containsEntry("severity", "critical")
			.containsEntry("category", "error");
		assertThat((String) rules.get(2).get("expr"))
			.contains("histogram_quantile(0.95, sum by (le, gen_ai_agent_name) "
					+ "(rate(gen_ai_invoke_agent_duration_seconds_bucket[5m])))")
			.contains("> 5\n");
		assertThat((Map<String, Object>) rules.get(2).get("labels")).containsEntry("severity", "warning");
		assertThat((String) rules.get(3).get("expr"))
			.isEqualTo("sum by (namespace, job) (increase(gen_ai_client_cost_usd_total[24h])) > 10\n");
		assertThat((String) rules.get(4).get("expr"))
			.isEqualTo("sum by (namespace, job) (increase(gen_ai_client_token_usage_tokens_sum[24h])) > 2000000\n");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> groups(Map<String, Object> document) {
		return (List<Map<String, Object>>) ((Map<String, Object>) document.get("spec")).get("groups");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rules(Map<String, Object> document) {
		return groups(document).stream()
			.flatMap((group) -> ((List<Map<String, Object>>) group.get("rules")).stream())
			.toList();
	}

}
