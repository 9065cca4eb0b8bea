package dev.agentobs.autoconfigure;

import java.time.Clock;

import io.micrometer.observation.ObservationRegistry;
import org.aspectj.weaver.Advice;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.cost.AgentUsageListener;
import dev.agentobs.event.AgentEventListener;
import dev.agentobs.internal.aop.AgentObservationAspect;
import dev.agentobs.internal.cost.BudgetStopMetrics;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.cost.RunLedgers;
import dev.agentobs.internal.event.AgentEventPublisher;
import dev.agentobs.internal.logging.AgentLogContextHandler;
import dev.agentobs.internal.logging.AgentLogEvents;
import dev.agentobs.internal.logging.AgentUsageLog;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.internal.observation.AgentOperationDispatcher;
import dev.agentobs.internal.observation.AgentOperationHandler;
import dev.agentobs.observation.AgentRunObservationConvention;
import dev.agentobs.observation.AgentStepObservationConvention;
import dev.agentobs.observation.CodeExecutionObservationConvention;
import dev.agentobs.observation.ModelCallObservationConvention;
import dev.agentobs.observation.ToolCallObservationConvention;
import dev.agentobs.operation.AgentOperationSink;

/**
 * The observation model of agent operations: the {@link AgentObservations} facade, the handler
 * that turns finished observations into operations for the sinks, the ledger of each run in
 * progress with its budget and the usage record of each finished one, the subscriber API, log
 * events and MDC correlation, and the annotations.
 *
 * @since 0.1.0
 */
// After Boot's observation registry (by the names of both Spring Boot generations)
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration" })
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnMonitoringEnabled
@EnableConfigurationProperties({ MonitoringProperties.class, AgentMetricsProperties.class,
		AgentLoggingProperties.class, AgentBudgetsProperties.class, AgentCostProperties.class,
		AgentUsageProperties.class })
public final class AgentObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TagValueLimits agentTagValueLimits(AgentMetricsProperties metrics) {
		return new TagValueLimits(metrics.getMaxTagValues(), metrics.getMaxSeriesPerFamily());
	}

	@Bean
	@ConditionalOnMissingBean
	AgentOperationDispatcher agentOperationDispatcher(ObjectProvider<AgentOperationSink> sinks) {
		// Read on the first operation, not now: the dispatcher is created with the observation
		// registry, and a sink that fails to be created must report its own failure
		return new AgentOperationDispatcher(() -> sinks.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	RunLedgers agentRunLedgers(AgentBudgetsProperties budgets, AgentCostProperties cost,
			ObjectProvider<CostCalculator> costs, ObjectProvider<BudgetStopMetrics> stopMetrics,
			ObjectProvider<AgentUsageListener> usageListeners, ObjectProvider<Clock> clock) {
		// The calculator, the counter and the listeners come later: read when first needed
		return new RunLedgers(budgets.agentBudgets(), budgets.getMode() == AgentBudgetsProperties.Mode.ENFORCE,
				costs::getIfUnique, stopMetrics::getIfUnique, () -> usageListeners.orderedStream().toList(),
				clock.getIfUnique(Clock::systemUTC), cost.getZone());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("monitoring.usage.log")
	AgentUsageLog agentUsageLog() {
		return new AgentUsageLog();
	}

	@Bean
	@ConditionalOnMissingBean
	AgentOperationHandler agentOperationHandler(AgentOperationDispatcher dispatcher,
			ObjectProvider<RunLedgers> ledgers) {
		// Read on the first run, not now: the handler is created with the observation registry,
		// and a bad budget must be reported by the ledgers' own creation
		return new AgentOperationHandler(dispatcher, ledgers::getIfUnique);
	}

	@Bean
	@ConditionalOnMissingBean
	AgentObservations agentObservations(ObjectProvider<ObservationRegistry> registry,
			AgentOperationDispatcher dispatcher, ObjectProvider<AgentRunObservationConvention> agentRunConvention,
			ObjectProvider<AgentStepObservationConvention> agentStepConvention,
			ObjectProvider<ModelCallObservationConvention> modelCallConvention,
			ObjectProvider<ToolCallObservationConvention> toolCallConvention,
			ObjectProvider<CodeExecutionObservationConvention> codeExecutionConvention) {
		AgentObservations observations = new AgentObservations(registry.getIfAvailable(() -> ObservationRegistry.NOOP),
				dispatcher::dispatch);
		observations.setAgentRunConvention(agentRunConvention.getIfUnique());
		observations.setAgentStepConvention(agentStepConvention.getIfUnique());
		observations.setModelCallConvention(modelCallConvention.getIfUnique());
		observations.setToolCallConvention(toolCallConvention.getIfUnique());
		observations.setCodeExecutionConvention(codeExecutionConvention.getIfUnique());
		return observations;
	}

	@Bean
	@ConditionalOnMissingBean
	AgentLogContextHandler agentLogContextHandler() {
		return new AgentLogContextHandler();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "monitoring.logging.events", matchIfMissing = true)
	AgentLogEvents agentLogEvents() {
		return new AgentLogEvents();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(AgentEventListener.class)
	AgentEventPublisher agentEventPublisher(ObjectProvider<AgentEventListener> listeners) {
		return new AgentEventPublisher(listeners.orderedStream().toList());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Advice.class)
	static class AnnotationsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AgentObservationAspect agentObservationAspect(AgentObservations observations) {
			return new AgentObservationAspect(observations);
		}

	}

}
