package dev.agentobs.internal.bridge.langchain4j;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.observability.api.event.AiServiceCompletedEvent;
import dev.langchain4j.observability.api.event.AiServiceErrorEvent;
import dev.langchain4j.observability.api.event.AiServiceStartedEvent;
import dev.langchain4j.observability.api.listener.AiServiceCompletedListener;
import dev.langchain4j.observability.api.listener.AiServiceErrorListener;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.observability.api.listener.AiServiceStartedListener;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.BeforeToolExecution;
import dev.langchain4j.service.tool.ToolExecution;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

import dev.agentobs.observation.AgentObservationDocumentation;
import dev.agentobs.observation.AgentRunContext;
import dev.agentobs.observation.DefaultAgentRunObservationConvention;
import dev.agentobs.observation.DefaultToolCallObservationConvention;
import dev.agentobs.observation.ToolCallContext;

/**
 * Observes LangChain4j AI services: each invocation of an AI service method as an agent run
 * named after the service's interface, with the invocation's id as the run id and its chat
 * memory id as the conversation, and each tool it executes as a tool call of that run. The
 * chat model calls of the invocation, observed by {@link LangChain4jChatModelListener}, belong
 * to the run too.
 * <p>
 * LangChain4j takes AI service listeners and tool hooks per service, so a service is observed
 * once it is handed to {@link #observe(AiServices)} while it is built:
 *
 * <pre class="code">
 * Assistant assistant = observer.observe(AiServices.builder(Assistant.class))
 *     .chatModel(chatModel)
 *     .tools(new WeatherTools())
 *     .build();
 * </pre>
 *
 * A service that has its own {@code beforeToolExecution} and {@code afterToolExecution} hooks
 * calls {@link #beforeToolExecution(BeforeToolExecution)} and
 * {@link #afterToolExecution(ToolExecution)} from them instead, since a service keeps only one
 * hook of each.
 *
 * @since 0.1.0
 */
public class LangChain4jAiServiceObserver {

	/** The error type of a tool execution LangChain4j reports as failed. */
	public static final String TOOL_ERROR = "tool_error";

	private static final String DEFAULT_MEMORY_ID = "default";

	// LangChain4j 1.11 (the line of its Spring Boot 3.5 starters) does not say which invocation
	// a tool execution belongs to: its tools then nest under the observation current on their thread
	private static final boolean HAS_TOOL_INVOCATION_CONTEXT = ClassUtils.hasMethod(BeforeToolExecution.class,
			"invocationContext");

	private final ObservationRegistry registry;

	private final Map<UUID, CurrentOperation> runs = new ConcurrentHashMap<>();

	private final ThreadLocal<@Nullable ToolCall> toolCalls = new ThreadLocal<>();

	private final List<AiServiceListener<?>> listeners = List.of((AiServiceStartedListener) this::started,
			(AiServiceCompletedListener) this::completed, (AiServiceErrorListener) this::failed);

	/**
	 * Create an observer.
	 * @param registry the registry runs and tool calls are observed in
	 */
	public LangChain4jAiServiceObserver(ObservationRegistry registry) {
		Assert.notNull(registry, "registry must not be null");
		this.registry = registry;
	}

	/**
	 * Observe the AI service being built: register the listeners of its runs and the hooks of
	 * its tool executions.
	 * @param <T> the service's type
	 * @param aiServices the service's builder
	 * @return the same builder
	 */
	public <T> AiServices<T> observe(AiServices<T> aiServices) {
		return aiServices.registerListeners(this.listeners)
			.beforeToolExecution(this::beforeToolExecution)
			.afterToolExecution(this::afterToolExecution);
	}

	/**
	 * The listeners that observe the invocations of an AI service as agent runs, for services
	 * registered without {@link #observe(AiServices)}.
	 * @return the listeners
	 */
	public List<AiServiceListener<?>> listeners() {
		return this.listeners;
	}

	private void started(AiServiceStartedEvent event) {
		if (this.registry.isNoop()) {
			return;
		}
		InvocationContext invocation = event.invocationContext();
		AgentRunContext context = new AgentRunContext(agentName(invocation.interfaceName()));
		context.setRunId(invocation.invocationId().toString());
		Object memoryId = invocation.chatMemoryId();
		if (memoryId != null && !DEFAULT_MEMORY_ID.equals(memoryId)) {
			context.setConversationId(memoryId.toString());
		}
		Observation parent = CurrentOperation.parent(this.registry);
		context.inheritFrom(parent);
		Observation observation = AgentObservationDocumentation.AGENT_RUN
			.observation(null, DefaultAgentRunObservationConvention.INSTANCE, () -> context, this.registry)
			.parentObservation(parent)
			.start();
		this.runs.put(invocation.invocationId(), CurrentOperation.begin(observation));
	}

	private void completed(AiServiceCompletedEvent event) {
		end(event.invocationContext(), null);
	}

	private void failed(AiServiceErrorEvent event) {
		end(event.invocationContext(), event.error());
	}

	private void end(InvocationContext invocation, @Nullable Throwable error) {
		CurrentOperation run = this.runs.remove(invocation.invocationId());
		if (run != null) {
			run.end();
			if (error != null) {
				run.observation().error(error);
			}
			run.observation().stop();
		}
	}

	/**
	 * Start observing a tool execution; to be called from a service's own
	 * {@code beforeToolExecution} hook.
	 * @param before the tool execution about to start
	 */
	public void beforeToolExecution(BeforeToolExecution before) {
		if (this.registry.isNoop()) {
			return;
		}
		ToolExecutionRequest request = before.request();
		ToolCallContext context = new ToolCallContext(request.name());
		context.setToolCallId(request.id());
		CurrentOperation run = HAS_TOOL_INVOCATION_CONTEXT ? this.runs.get(before.invocationContext().invocationId())
				: null;
		// Tools may run on an executor's threads: the run is found by the invocation's id
		Observation parent = (run != null) ? run.observation() : CurrentOperation.parent(this.registry);
		context.inheritFrom(parent);
		Observation observation = AgentObservationDocumentation.TOOL_CALL
			.observation(null, DefaultToolCallObservationConvention.INSTANCE, () -> context, this.registry)
			.parentObservation(parent)
			.start();
		this.toolCalls.set(new ToolCall(request, CurrentOperation.begin(observation), this.toolCalls.get()));
	}

	/**
	 * Finish observing a tool execution; to be called from a service's own
	 * {@code afterToolExecution} hook.
	 * @param execution the finished tool execution
	 */
	public void afterToolExecution(ToolExecution execution) {
		ToolCall call = this.toolCalls.get();
		// LangChain4j calls both hooks on the thread that runs the tool, with the same request
		if (call == null || call.request() != execution.request()) {
			return;
		}
		this.toolCalls.set(call.previous());
		call.operation().end();
		Observation observation = call.operation().observation();
		if (execution.hasFailed()) {
			((ToolCallContext) observation.getContext()).setErrorType(TOOL_ERROR);
		}
		observation.stop();
	}

	static String agentName(@Nullable String interfaceName) {
		if (interfaceName == null || interfaceName.isBlank()) {
			return "unknown";
		}
		int start = Math.max(interfaceName.lastIndexOf('.'), interfaceName.lastIndexOf('$')) + 1;
		return interfaceName.substring(start);
	}

	private record ToolCall(ToolExecutionRequest request, CurrentOperation operation, @Nullable ToolCall previous) {
	}

}
