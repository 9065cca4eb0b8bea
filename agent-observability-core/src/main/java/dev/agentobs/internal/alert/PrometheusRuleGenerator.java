package dev.agentobs.internal.alert;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

import dev.agentobs.alert.AlertCategory;
import dev.agentobs.alert.AlertRule;

/**
 * Writes the alerting rules as a Prometheus Operator {@code PrometheusRule} over the starter's
 * metric families, so that a fleet of replicas alerts once, from Prometheus and Alertmanager,
 * rather than from each pod. Written with SnakeYAML.
 *
 * @since 0.1.0
 */
public final class PrometheusRuleGenerator {

	private static final String RUNS = "gen_ai_invoke_agent_duration_seconds";

	// The labels Prometheus gives every series of one service, whichever replica or lifetime
	// of it was scraped (the Prometheus Operator sets both from the ServiceMonitor)
	private static final String SERVICE = "namespace, job";

	// "Daily" in Prometheus: the last 24 hours, not the calendar day
	private static final String DAY = "[24h]";

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
		List<Object> errors = List.of(
				rule(AlertRule.HIGH_ERROR_RATE, thresholds,
						"(sum by (gen_ai_agent_name) (rate(" + failed + range + "))\n"
								+ "  / sum by (gen_ai_agent_name) (rate(" + RUNS + "_count" + range + "))) > "
								+ number(thresholds.errorRate()) + "\n"
								+ "and sum by (gen_ai_agent_name) (increase(" + RUNS + "_count" + range + ")) >= "
								+ this.minRequests,
						"{{ $labels.gen_ai_agent_name }} {{ $value | humanizePercentage }} > "
								+ AlertRule.HIGH_ERROR_RATE.format(thresholds.errorRate())),
				rule(AlertRule.FAILURE_SPIKE, thresholds,
						"sum by (gen_ai_agent_name) (increase(" + failed + range + ")) > " + thresholds.failureCount(),
						"{{ $labels.gen_ai_agent_name }} {{ $value | humanize }} failed runs > "
								+ thresholds.failureCount()));
		List<Object> latency = List.of(rule(AlertRule.HIGH_LATENCY, thresholds,
				"histogram_quantile(0.95, sum by (le, gen_ai_agent_name) (rate(" + RUNS + "_bucket" + range + ")))\n"
						+ "  > " + number(thresholds.of(AlertRule.HIGH_LATENCY)) + "\n"
						+ "and sum by (gen_ai_agent_name) (increase(" + RUNS + "_count" + range + ")) >= "
						+ this.minRequests,
				"{{ $labels.gen_ai_agent_name }} p95 {{ $value | humanizeDuration }} > "
						+ AlertRule.HIGH_LATENCY.format(thresholds.of(AlertRule.HIGH_LATENCY))));
		// The counters begin at 0 in each replica and at each restart: increase() bridges the
		// reset, the sum adds up the replicas and lifetimes of one service
		List<Object> budgets = List.of(
				rule(AlertRule.DAILY_COST, thresholds,
						"sum by (" + SERVICE + ") (increase(gen_ai_client_cost_usd_total" + DAY + ")) > "
								+ number(thresholds.dailyCost()),
						"{{ $labels.job }} cost over the last 24h ${{ $value | printf \"%.2f\" }} > "
								+ AlertRule.DAILY_COST.format(thresholds.dailyCost())),
				rule(AlertRule.DAILY_TOKENS, thresholds,
						"sum by (" + SERVICE + ") (increase(gen_ai_client_token_usage_tokens_sum" + DAY + ")) > "
								+ thresholds.dailyTokens(),
						"{{ $labels.job }} tokens over the last 24h {{ $value | humanize }} > "
								+ AlertRule.DAILY_TOKENS.format(thresholds.dailyTokens())));
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("name", this.name);
		metadata.put("labels", Map.of("app.kubernetes.io/part-of", "agent-observability"));
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("apiVersion", "monitoring.coreos.com/v1");
		resource.put("kind", "PrometheusRule");
		resource.put("metadata", metadata);
		resource.put("spec", Map.of("groups", List.of(group("agent-observability.errors", errors),
				group("agent-observability.latency", latency), group("agent-observability.budgets", budgets))));
		return yaml().dump(resource);
	}

	private static Map<String, Object> group(String name, List<Object> rules) {
		Map<String, Object> group = new LinkedHashMap<>();
		group.put("name", name);
		group.put("rules", rules);
		return group;
	}

	private Map<String, Object> rule(AlertRule rule, AlertThresholds thresholds, String expr, String summary) {
		Map<String, Object> labels = new LinkedHashMap<>();
		labels.put("severity", rule.severity().label());
		labels.put("category", rule.category().eventName());
		Map<String, Object> annotations = new LinkedHashMap<>();
		annotations.put("summary", summary);
		annotations.put("description", rule.description());
		annotations.put("threshold", rule.format(thresholds.of(rule)));
		Map<String, Object> yaml = new LinkedHashMap<>();
		yaml.put("alert", rule.alertName());
		yaml.put("expr", new Expression(expr + "\n"));
		yaml.put("for", (rule.category() == AlertCategory.BUDGET) ? "0s" : promDuration(this.pendingFor));
		yaml.put("labels", labels);
		yaml.put("annotations", annotations);
		return yaml;
	}

	/**
	 * A YAML writer in the layout of Kubernetes manifests: block style, sequences indented
	 * under their key, no line folded, and PromQL as literal blocks that read as written.
	 */
	private static Yaml yaml() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setSplitLines(false);
		return new Yaml(new ExpressionRepresenter(options), options);
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

	/**
	 * A PromQL expression: written as a literal block so that its lines stay as they are.
	 */
	private record Expression(String text) {

	}

	private static final class ExpressionRepresenter extends Representer {

		ExpressionRepresenter(DumperOptions options) {
			super(options);
			this.representers.put(Expression.class,
					(data) -> representScalar(Tag.STR, ((Expression) data).text(), DumperOptions.ScalarStyle.LITERAL));
		}

	}

}
