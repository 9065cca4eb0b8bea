package dev.agentobs.alert;

import java.time.Duration;
import java.util.Locale;

/**
 * Writes the alerting rules as a Prometheus Operator {@code PrometheusRule} over the starter's
 * metric families, so that a fleet of replicas alerts once, from Prometheus and Alertmanager,
 * rather than from each pod.
 *
 * @since 0.1.0
 */
public final class PrometheusRuleGenerator {

	private static final String RUNS = "gen_ai_invoke_agent_duration_seconds";

	private final String name;

	private final Duration window;

	private final long minRequests;

	private final Duration pendingFor;

	/**
	 * Create a generator.
	 * @param name the resource's name
	 * @param window the range of rates, as the in-process window
	 * @param minRequests runs in the window below which no rate alert fires
	 * @param pendingFor how long a condition must hold before an alert fires ({@code for})
	 */
	public PrometheusRuleGenerator(String name, Duration window, long minRequests, Duration pendingFor) {
		this.name = name;
		this.window = window;
		this.minRequests = minRequests;
		this.pendingFor = pendingFor;
	}

	/**
	 * The {@code PrometheusRule} YAML for the given thresholds.
	 * @param thresholds the thresholds
	 * @return the YAML document
	 */
	public String generate(AlertThresholds thresholds) {
		String range = "[" + promDuration(this.window) + "]";
		String failed = RUNS + "_count{error_type!=\"none\"}";
		StringBuilder yaml = new StringBuilder(4096);
		yaml.append("apiVersion: monitoring.coreos.com/v1\n")
			.append("kind: PrometheusRule\n")
			.append("metadata:\n")
			.append("  name: ").append(this.name).append('\n')
			.append("  labels:\n")
			.append("    app.kubernetes.io/part-of: agent-observability\n")
			.append("spec:\n")
			.append("  groups:\n");
		group(yaml, "agent-observability.errors");
		rule(yaml, AlertRule.HIGH_ERROR_RATE, thresholds,
				"(sum by (gen_ai_agent_name) (rate(" + failed + range + "))\n"
						+ "  / sum by (gen_ai_agent_name) (rate(" + RUNS + "_count" + range + "))) > "
						+ number(thresholds.errorRate()) + "\n"
						+ "and sum by (gen_ai_agent_name) (increase(" + RUNS + "_count" + range + ")) >= "
						+ this.minRequests,
				"{{ $labels.gen_ai_agent_name }} {{ $value | humanizePercentage }} > "
						+ AlertRule.HIGH_ERROR_RATE.format(thresholds.errorRate()));
		rule(yaml, AlertRule.FAILURE_SPIKE, thresholds,
				"sum by (gen_ai_agent_name) (increase(" + failed + range + ")) > " + thresholds.failureCount(),
				"{{ $labels.gen_ai_agent_name }} {{ $value | humanize }} failed runs > " + thresholds.failureCount());
		group(yaml, "agent-observability.latency");
		rule(yaml, AlertRule.HIGH_LATENCY, thresholds,
				"histogram_quantile(0.95, sum by (le, gen_ai_agent_name) (rate(" + RUNS + "_bucket" + range + ")))\n"
						+ "  > " + number(thresholds.of(AlertRule.HIGH_LATENCY)) + "\n"
						+ "and sum by (gen_ai_agent_name) (increase(" + RUNS + "_count" + range + ")) >= "
						+ this.minRequests,
				"{{ $labels.gen_ai_agent_name }} p95 {{ $value | humanizeDuration }} > "
						+ AlertRule.HIGH_LATENCY.format(thresholds.of(AlertRule.HIGH_LATENCY)));
		group(yaml, "agent-observability.budgets");
		rule(yaml, AlertRule.DAILY_COST, thresholds,
				"sum(increase(gen_ai_client_cost_usd_total[1d])) > " + number(thresholds.dailyCost()),
				"cost over the last 24h ${{ $value | printf \"%.2f\" }} > "
						+ AlertRule.DAILY_COST.format(thresholds.dailyCost()));
		rule(yaml, AlertRule.DAILY_TOKENS, thresholds,
				"sum(increase(gen_ai_client_token_usage_tokens_sum[1d])) > " + thresholds.dailyTokens(),
				"tokens over the last 24h {{ $value | humanize }} > "
						+ AlertRule.DAILY_TOKENS.format(thresholds.dailyTokens()));
		return yaml.toString();
	}

	private void group(StringBuilder yaml, String groupName) {
		yaml.append("    - name: ").append(groupName).append('\n').append("      rules:\n");
	}

	private void rule(StringBuilder yaml, AlertRule rule, AlertThresholds thresholds, String expr, String summary) {
		String pending = (rule.category() == AlertCategory.BUDGET) ? "0s" : promDuration(this.pendingFor);
		yaml.append("        - alert: ").append(rule.alertName()).append('\n').append("          expr: |\n");
		for (String line : expr.split("\n")) {
			yaml.append("            ").append(line).append('\n');
		}
		yaml.append("          for: ").append(pending).append('\n')
			.append("          labels:\n")
			.append("            severity: ").append(rule.severity().label()).append('\n')
			.append("            category: ").append(rule.category().eventName()).append('\n')
			.append("          annotations:\n")
			.append("            summary: ").append(quote(summary)).append('\n')
			.append("            description: ").append(quote(rule.description())).append('\n')
			.append("            threshold: ").append(quote(rule.format(thresholds.of(rule)))).append('\n');
	}

	static String promDuration(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds > 0 && seconds % 3600 == 0) {
			return (seconds / 3600) + "h";
		}
		if (seconds > 0 && seconds % 60 == 0) {
			return (seconds / 60) + "m";
		}
		return Math.max(seconds, 0) + "s";
	}

	private static String number(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
	}

	private static String quote(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

}
