package dev.agentobs.autoconfigure.endpoint;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import dev.agentobs.internal.alert.AlertEvaluator;
import dev.agentobs.internal.alert.AlertThresholds;
import dev.agentobs.internal.alert.PrometheusRuleGenerator;
import dev.agentobs.internal.report.AlertDescriptor;
import dev.agentobs.internal.report.AlertsDescriptor;

/**
 * {@code /actuator/agentalerts}: the alerts firing now and the last resolved ones, with their
 * values and times; {@code /actuator/agentalerts/rules}: the same rules as a Prometheus
 * Operator {@code PrometheusRule}, for alerting across replicas from Prometheus.
 *
 * @since 0.1.0
 */
@Endpoint(id = "agentalerts")
public class AgentAlertsEndpoint {

	/** The media type of the rules. */
	public static final String APPLICATION_YAML = "application/yaml";

	private static final String RULES = "rules";

	private final AlertEvaluator evaluator;

	private final AlertThresholds thresholds;

	private final PrometheusRuleGenerator rules;

	public AgentAlertsEndpoint(AlertEvaluator evaluator, AlertThresholds thresholds, PrometheusRuleGenerator rules) {
		this.evaluator = evaluator;
		this.thresholds = thresholds;
		this.rules = rules;
	}

	/**
	 * The firing and recently resolved alerts.
	 * @return the alerts and the thresholds they are judged by, for JSON
	 */
	@ReadOperation
	public AlertsDescriptor alerts() {
		return new AlertsDescriptor(AlertDescriptor.of(this.evaluator.firing()),
				AlertDescriptor.of(this.evaluator.recentlyResolved()), AlertsDescriptor.Thresholds.of(this.thresholds));
	}

	/**
	 * The PrometheusRule YAML, at {@code /actuator/agentalerts/rules}.
	 * @param name {@code rules}
	 * @return the YAML, or {@code null} (404) for another name
	 */
	@ReadOperation(produces = APPLICATION_YAML)
	public @Nullable String rules(@Selector String name) {
		return RULES.equals(name) ? this.rules.generate(this.thresholds) : null;
	}

}
