package dev.agentobs.sample.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads streamed research runs take, so that a stream does not hold a request thread.
 *
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
class ResearchStreamConfiguration {

	/** The name of the executor bean that runs streamed research. */
	static final String STREAM_EXECUTOR = "researchStreamExecutor";

	@Bean(STREAM_EXECUTOR)
	ThreadPoolTaskExecutor researchStreamExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("stream-");
		executor.setCorePoolSize(4);
		executor.setMaxPoolSize(4);
		executor.setQueueCapacity(100);
		// The run joins the trace of the HTTP request that asked for it
		executor.setTaskDecorator(new ContextPropagatingTaskDecorator());
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(10);
		return executor;
	}

}
