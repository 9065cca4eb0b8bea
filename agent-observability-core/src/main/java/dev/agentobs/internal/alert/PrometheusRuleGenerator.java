package dev.agentobs.internal.alert;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

import dev.agentobs.alert.AlertCategory;
import dev.agentobs.alert.AlertRule;
import dev.agentobs.alert.AlertSeverity;

/**
 * Writes the alerting rules as a Prometheus Operator {@code PrometheusRule} over the starter's
 * metric families, so that a fleet of replicas alerts once, from Prometheus and Alertmanager,
 * rather than from each pod: every {@link AlertRule}, and {@value #SERVICE_DOWN} over the
 * job's {@code up} series, which no instance can judge of itself. Written with SnakeYAML.
 *
 * @since 0.1.0
 */
public final class PrometheusRuleGenerator {

	/** The rule only Prometheus can judge: whether the service is scraped at all. */
	public static final String SERVICE_DOWN = "AgentServiceDown";

	private static final String RUNS = "gen_ai_invoke_agent_duration_seconds";

	private static final String BUDGET_STOPS = "agent_budget_exceeded_total";

	// The labels Prometheus gives every series of one service, whichever replica or lifetime
	// of it was scraped (the Prometheus Operator sets both from the ServiceMonitor)
	private static final String SERVICE = "namespace, job";

	// "Daily" in Prometheus: the last 24 hours, not the calendar day
	private static final String DAY = "[24h]";

	// Its category label: no webhook category, as no instance can send that it is down itself
	private static final String AVAILABILITY = "availability";

	static final String SERVICE_DOWN_DESCRIPTION = "Prometheus could not scrape the service for a minute: the "
			+ "instance is down, or no instance of the job is left to scrape.";

	// Long enough that a rolling update's short gaps do not page
	private static final String SERVICE_DOWN_FOR = "1m";

	private final String name;

	private final Duration window;

	private final long minRequests;

	private final Duration pendingFor;

	private final String job;

	private final RunbookLinks runbooks;

	/**
	 * Create a generator.
	 * @param name the resource's name
	 * @param window the range of rates, as the in-process window
	 * @param minRequests runs in the window below which no rate alert fires
	 * @param pendingFor how long a condition must hold before an alert fires ({@code for})
	 * @param job the Prometheus job that scrapes the service, whose targets the service-down
	 * rule watches
	 * @param runbooks the runbook of each rule, for its {@code runbook_url} annotation
	 */
	public PrometheusRuleGenerator(String name, Duration window, long minRequests, Duration pendingFor, String job,
			RunbookLinks runbooks) {
		this.name = name;
		this.window = window;
		this.minRequests = minRequests;
		this.pendingFor = pendingFor;
		this.job = job;
		this.runbooks = runbooks;
	}

	/**
	 * The {@code PrometheusRule} YAML for the given thresholds.
	 * @param thresholds the thresholds
	 * @return the YAML document
	 */
	public String generate(AlertThresholds thresholds) {
		String range = "[" + promDuration(this.window) + "]";
		String failed = RUNS + "_count{error_type!=\"none\"}";
		// Down: a target of the job fails its scrape, or the job has no target left at all (a
		// deployment scaled to zero, a ServiceMonitor that no longer selects the service)
		String up = "up{job=\"" + labelValue(this.job) + "\"}";
		List<Object> availability = List.of(rule(SERVICE_DOWN, AlertSeverity.CRITICAL, AVAILABILITY,
				up + " == 0\nor absent(" + up + ")", SERVICE_DOWN_FOR,
				"{{ $labels.job }}{{ with $labels.instance }} at {{ . }}{{ end }} is down",
				SERVICE_DOWN_DESCRIPTION, null));
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
		String cost = "sum by (" + SERVICE + ") (increase(gen_ai_client_cost_usd_total" + DAY + "))";
		String costValue = "{{ $labels.job }} cost over the last 24h ${{ $value | printf \"%.2f\" }}";
		String tokens = "sum by (" + SERVICE + ") (increase(gen_ai_client_token_usage_tokens_sum" + DAY + "))";
		String tokensValue = "{{ $labels.job }} tokens over the last 24h {{ $value | humanize }}";
		List<Object> budgets = List.of(budget(AlertRule.DAILY_COST, null, thresholds, cost, costValue),
				budget(AlertRule.DAILY_COST_WARNING, AlertRule.DAILY_COST, thresholds, cost, costValue),
				budget(AlertRule.DAILY_TOKENS, null, thresholds, tokens, tokensValue),
				budget(AlertRule.DAILY_TOKENS_WARNING, AlertRule.DAILY_TOKENS, thresholds, tokens, tokensValue),
				budgetStops(thresholds, range));
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("name", this.name);
		metadata.put("labels", Map.of("app.kubernetes.io/part-of", "agent-observability"));
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("apiVersion", "monitoring.coreos.com/v1");
		resource.put("kind", "PrometheusRule");
		resource.put("metadata", metadata);
		resource.put("spec",
				Map.of("groups", List.of(group("agent-observability.availability", availability),
						group("agent-observability.errors", errors), group("agent-observability.latency", latency),
						group("agent-observability.budgets", budgets))));
		return yaml().dump(resource);
	}

	/**
	 * A budget rule, or the early warning of the budget {@code warned}, whose summary also
	 * names the budget it is a share of.
	 */
	private Map<String, Object> budget(AlertRule rule, @Nullable AlertRule warned, AlertThresholds thresholds,
			String spent, String value) {
		double threshold = thresholds.of(rule);
		String summary = value + " " + rule.comparison() + " " + rule.format(threshold);
		if (warned != null) {
			// The share as a percentage, written as the error rate is
			summary += " (" + AlertRule.HIGH_ERROR_RATE.format(thresholds.budgetWarning()) + " of "
					+ warned.format(thresholds.of(warned)) + ")";
		}
		return rule(rule, thresholds, spent + " " + rule.comparison() + " " + number(threshold), summary);
	}

	/**
	 * The runs of an agent stopped by their budget in the window, whose summary names the
	 * limits they reached as the in-process alert does: the series of the agent's limits, asked
	 * of Prometheus when the summary is written.
	 */
	private Map<String, Object> budgetStops(AlertThresholds thresholds, String range) {
		AlertRule rule = AlertRule.BUDGET_EXCEEDED;
		String threshold = rule.format(thresholds.of(rule));
		String limits = "sum by (limit) (increase(" + BUDGET_STOPS + "{gen_ai_agent_name=%q}" + range + ")) > 0";
		return rule(rule, thresholds,
				"sum by (gen_ai_agent_name) (increase(" + BUDGET_STOPS + range + ")) " + rule.comparison() + " "
						+ threshold,
				"{{ $labels.gen_ai_agent_name }}{{ range $i, $limit := query (printf `" + limits
						+ "` $labels.gen_ai_agent_name) | sortByLabel \"limit\" }}{{ if $i }},{{ end }} "
						+ "{{ $limit.Labels.limit }}{{ end }} {{ $value | humanize }} " + rule.comparison() + " "
						+ threshold);
	}

	private static Map<String, Object> group(String name, List<Object> rules) {
		Map<String, Object> group = new LinkedHashMap<>();
		group.put("name", name);
		group.put("rules", rules);
		return group;
	}

	private Map<String, Object> rule(AlertRule rule, AlertThresholds thresholds, String expr, String summary) {
		String pending = (rule.category() == AlertCategory.BUDGET) ? "0s" : promDuration(this.pendingFor);
		return rule(rule.alertName(), rule.severity(), rule.category().eventName(), expr, pending, summary,
				rule.description(), rule.format(thresholds.of(rule)));
	}

	private Map<String, Object> rule(String alert, AlertSeverity severity, String category, String expr,
			String pending, String summary, String description, @Nullable String threshold) {
		Map<String, Object> labels = new LinkedHashMap<>();
		labels.put("severity", severity.label());
		labels.put("category", category);
		Map<String, Object> annotations = new LinkedHashMap<>();
		annotations.put("summary", summary);
		annotations.put("description", description);
		if (threshold != null) {
			annotations.put("threshold", threshold);
		}
		String runbook = this.runbooks.of(alert);
		if (runbook != null) {
			annotations.put("runbook_url", runbook);
		}
		Map<String, Object> yaml = new LinkedHashMap<>();
		yaml.put("alert", alert);
		yaml.put("expr", new Expression(expr + "\n"));
		yaml.put("for", pending);
		yaml.put("labels", labels);
		yaml.put("annotations", annotations);
		return yaml;
	}

	// A label value in a PromQL string: backslashes and double quotes escaped
	private static String labelValue(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
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
