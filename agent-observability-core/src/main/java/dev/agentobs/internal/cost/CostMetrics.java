package dev.agentobs.internal.cost;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import dev.agentobs.internal.metrics.TagValueLimiter;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.observation.GenAiAttributes;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;
import dev.agentobs.operation.ModelCall;

/**
 * Counts the cost of model calls in {@code gen_ai_client_cost_usd_total}, by provider, model
 * and agent. Calls of a model without a price add nothing: their cost is unknown.
 *
 * @since 0.1.0
 */
public class CostMetrics implements AgentOperationSink {

	/** The cost of model calls: {@code gen_ai_client_cost_usd_total}. */
	public static final String COST = "gen_ai.client.cost";

	private static final String PROVIDER = GenAiAttributes.PROVIDER_NAME.key();

	private static final String MODEL = GenAiAttributes.REQUEST_MODEL.key();

	private static final String AGENT = GenAiAttributes.AGENT_NAME.key();

	private final MeterRegistry registry;

	private final CostCalculator calculator;

	private final TagValueLimiter providers;

	private final TagValueLimiter models;

	private final TagValueLimiter agents;

	private final ConcurrentMap<CounterKey, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * Create the meters' recorder.
	 * @param registry where the counter is registered
	 * @param calculator prices model calls
	 * @param limits the caps on label values, shared with the other metrics
	 */
	public CostMetrics(MeterRegistry registry, CostCalculator calculator, TagValueLimits limits) {
		this.registry = registry;
		this.calculator = calculator;
		this.providers = limits.forLabel(PROVIDER);
		this.models = limits.forLabel(MODEL);
		this.agents = limits.forLabel(AGENT);
	}

	@Override
	public void accept(AgentOperation operation) {
		if (!(operation instanceof ModelCall call)) {
			return;
		}
		double cost = this.calculator.costOf(call);
		if (Double.isNaN(cost)) {
			return;
		}
		CounterKey key = new CounterKey(this.providers.limit(call.providerName()),
				this.models.limit(call.requestModel()), this.agents.limitOrUnknown(call.agentName()));
		Counter counter = this.counters.get(key);
		if (counter == null) {
			counter = this.counters.computeIfAbsent(key, this::register);
		}
		counter.increment(cost);
	}

	private Counter register(CounterKey key) {
		return Counter.builder(COST)
			.description("Estimated cost of model calls, from their tokens and the configured model prices")
			.baseUnit("usd")
			.tags(Tags.of(PROVIDER, key.provider(), MODEL, key.model(), AGENT, key.agent()))
			.register(this.registry);
	}

	private record CounterKey(String provider, String model, String agent) {
	}

}
