package dev.agentobs.sample.agent;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import dev.agentobs.api.AgentObservations;

/**
 * What the agents run on: the executor of their parallel tool calls and, when observability
 * is switched off, an {@link AgentObservations} that observes nothing.
 *
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
class AgentConfiguration {

	/** The name of the executor bean that runs tool calls side by side. */
	static final String TOOL_EXECUTOR = "toolExecutor";

	@Bean(TOOL_EXECUTOR)
	ThreadPoolTaskExecutor toolExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("tool-");
		executor.setCorePoolSize(8);
		executor.setMaxPoolSize(8);
		executor.setQueueCapacity(200);
		// Each task runs with the observation that was current where it was submitted (the
		// agent step), so that its tool calls belong to the run, nest in its trace and log
		// with its run id.
		executor.setTaskDecorator(new ContextPropagatingTaskDecorator());
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(10);
		return executor;
	}

	// monitoring.enabled=false removes every bean of the starter, the facade too; agents then
	// run as they are, unobserved, instead of failing to start.
	@Bean
	@ConditionalOnBooleanProperty(name = "monitoring.enabled", havingValue = false)
	AgentObservations unobservedAgentObservations() {
		return AgentObservations.noop();
	}

}
