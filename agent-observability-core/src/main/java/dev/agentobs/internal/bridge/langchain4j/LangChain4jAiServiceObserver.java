package dev.agentobs.internal.bridge.langchain4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.observability.api.event.AiServiceCompletedEvent;
import dev.langchain4j.observability.api.event.AiServiceErrorEvent;
import dev.langchain4j.observability.api.event.AiServiceRequestIssuedEvent;
import dev.langchain4j.observability.api.event.AiServiceResponseReceivedEvent;
import dev.langchain4j.observability.api.event.AiServiceStartedEvent;
import dev.langchain4j.observability.api.listener.AiServiceCompletedListener;
import dev.langchain4j.observability.api.listener.AiServiceErrorListener;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.observability.api.listener.AiServiceRequestIssuedListener;
import dev.langchain4j.observability.api.listener.AiServiceResponseReceivedListener;
import dev.langchain4j.observability.api.listener.AiServiceStartedListener;
import dev.langchain4j.service.AiServiceContext;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.BeforeToolExecution;
import dev.langchain4j.service.tool.ToolExecution;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

import dev.agentobs.observation.AgentObservationDocumentation;
import dev.agentobs.observation.AgentRunContext;
import dev.agentobs.observation.AgentStepContext;
import dev.agentobs.observation.DefaultAgentRunObservationConvention;
import dev.agentobs.observation.DefaultAgentStepObservationConvention;
import dev.agentobs.observation.DefaultToolCallObservationConvention;
import dev.agentobs.observation.ToolCallContext;

/**
 * Observes LangChain4j AI services: each invocation of an AI service method as an agent run,
 * each request the invocation sends to its chat model as an agent step of that run (the
 * step lasts until the next request or the run's end, so the tools the model asked for run
 * in it), and each tool it executes as a tool call. The run's id is the invocation's id and
 * its conversation the invocation's chat memory id. The chat model calls of the invocation,
 * observed by {@link LangChain4jChatModelListener}, belong to the step they are made in.
 * <p>
 * A run is named after the agent name given to the observer, else after the name a built
 * service is observed under, else after the service's interface. LangChain4j takes AI
 * service listeners and tool hooks per service, so a service is observed once it is handed
 * to {@link #observe(AiServices)} while it is built:
 *
 * <pre class="code">
 * Assistant assistant = observer.observe(AiServices.builder(Assistant.class))
 *     .chatModel(chatModel)
 *     .tools(new WeatherTools())
 *     .build();
 * </pre>
 *
 * or, when someone else built it (LangChain4j's Spring Boot starter builds the bean of an
 * {@code @AiService} interface), to {@link #observeBuilt(Object, String)}. A service that
 * has its own {@code beforeToolExecution} and {@code afterToolExecution} hooks calls
 * {@link #beforeToolExecution(BeforeToolExecution)} and
 * {@link #afterToolExecution(ToolExecution)} from them instead, since a service keeps only one
 * hook of each.
 *
 * @since 0.1.0
 */
public class LangChain4jAiServiceObserver {

	/** The error type of a tool execution LangChain4j reports as failed. */
	public static final String TOOL_ERROR = "tool_error";

	private static final Logger logger = LoggerFactory.getLogger(LangChain4jAiServiceObserver.class);

	private static final String DEFAULT_MEMORY_ID = "default";

	// LangChain4j 1.11 (the line of its Spring Boot 3.5 starters) does not say which invocation
	// a tool execution belongs to. It reports each response of an invocation, streamed or not, on
	// the thread that then runs the tools the response asked for: that invocation is noted per
	// thread for them
	private static final boolean HAS_TOOL_INVOCATION_CONTEXT = ClassUtils.hasMethod(BeforeToolExecution.class,
			"invocationContext");

	private final ObservationRegistry registry;

	private final @Nullable String agentName;

	private final Map<UUID, Run> runs = new ConcurrentHashMap<>();

	private final ThreadLocal<@Nullable ToolCall> toolCalls = new ThreadLocal<>();

	private final ThreadLocal<@Nullable UUID> respondedInvocation = new ThreadLocal<>();

	private final List<AiServiceListener<?>> listeners;

	/**
	 * Create an observer that names each service's runs after the service.
	 * @param registry the registry runs, steps and tool calls are observed in
	 */
	public LangChain4jAiServiceObserver(ObservationRegistry registry) {
		this(registry, null);
	}

	/**
	 * Create an observer.
	 * @param registry the registry runs, steps and tool calls are observed in
	 * @param agentName the agent name of every service's runs, or {@code null} to name them
	 * after each service
	 */
	public LangChain4jAiServiceObserver(ObservationRegistry registry, @Nullable String agentName) {
		Assert.notNull(registry, "registry must not be null");
		Assert.isTrue(agentName == null || !agentName.isBlank(), "agentName must not be blank");
		this.registry = registry;
		this.agentName = agentName;
		this.listeners = listeners(null, null);
	}

	/**
	 * Observe the AI service being built: register the listeners of its runs and the hooks of
	 * its tool executions.
	 * @param <T> the service's type
	 * @param aiServices the service's builder
	 * @return the same builder
	 */
	public <T> AiServices<T> observe(AiServices<T> aiServices) {
		AiServiceContext context = BuiltAiServices.contextOfBuilder(aiServices);
		return aiServices.registerListeners((context != null) ? listeners(null, context) : this.listeners)
			.beforeToolExecution(this::beforeToolExecution)
			.afterToolExecution(this::afterToolExecution);
	}

	/**
	 * Observe an AI service that LangChain4j's {@code AiServices} has already built, such as
	 * the bean LangChain4j's Spring Boot starter makes of an {@code @AiService} interface:
	 * register the listeners of its runs and set the hooks of its tool executions, replacing
	 * any it had. LangChain4j has no public way to do this once a service is built, so the
	 * service's context is read from LangChain4j's own classes; when that fails, as it may
	 * with a LangChain4j version that builds services differently, the service is left as it
	 * is and a warning says so.
	 * @param aiService the service
	 * @param serviceName the name of its runs, unless the observer has an agent name
	 * @return whether the service is now observed
	 */
	public boolean observeBuilt(Object aiService, String serviceName) {
		Assert.notNull(aiService, "aiService must not be null");
		Assert.hasText(serviceName, "serviceName must not be empty");
		AiServiceContext context = BuiltAiServices.contextOf(aiService);
		if (context == null) {
			logger.warn("LangChain4j AI service '{}' is not observed: it is not a service built by LangChain4j's "
					+ "AiServices, or this LangChain4j version keeps a service's listeners where they cannot be "
					+ "reached. Build it with AiServices.builder(...) and hand the builder to "
					+ "LangChain4jAiServiceObserver.observe(...)", serviceName);
			return false;
		}
		context.eventListenerRegistrar.register(listeners(serviceName, context));
		context.toolService.beforeToolExecution(this::beforeToolExecution);
		context.toolService.afterToolExecution(this::afterToolExecution);
		return true;
	}

	/**
	 * The listeners that observe the invocations of an AI service as agent runs and its
	 * requests to the model as steps, for services registered without
	 * {@link #observe(AiServices)}.
	 * @return the listeners
	 */
	public List<AiServiceListener<?>> listeners() {
		return this.listeners;
	}

	private List<AiServiceListener<?>> listeners(@Nullable String serviceName, @Nullable AiServiceContext service) {
		List<AiServiceListener<?>> listeners = List.of(
				(AiServiceStartedListener) (event) -> started(event, serviceName, service),
				(AiServiceRequestIssuedListener) this::requestIssued, (AiServiceCompletedListener) this::completed,
				(AiServiceErrorListener) this::failed);
		if (HAS_TOOL_INVOCATION_CONTEXT) {
			return listeners;
		}
		List<AiServiceListener<?>> withResponses = new ArrayList<>(listeners);
		withResponses.add((AiServiceResponseReceivedListener) this::responseReceived);
		return List.copyOf(withResponses);
	}

	private void started(AiServiceStartedEvent event, @Nullable String serviceName,
			@Nullable AiServiceContext service) {
		if (this.registry.isNoop()) {
			return;
		}
		// The models are set on the builder after observe(..): wrapped when first used
		if (service != null && service.streamingChatModel != null
				&& !ChunkTimedStreamingChatModel.isTimed(service.streamingChatModel)) {
			service.streamingChatModel = ChunkTimedStreamingChatModel.of(service.streamingChatModel);
		}
		if (service != null && service.chatModel != null && !BudgetCheckedChatModel.isChecked(service.chatModel)) {
			service.chatModel = BudgetCheckedChatModel.of(service.chatModel, this.registry);
		}
		InvocationContext invocation = event.invocationContext();
		AgentRunContext context = new AgentRunContext(runName(invocation, serviceName));
		context.setRunId(invocation.invocationId().toString());
		Object memoryId = invocation.chatMemoryId();
		if (memoryId != null && !DEFAULT_MEMORY_ID.equals(memoryId)) {
			context.setConversationId(memoryId.toString());
		}
		Observation observation = CurrentOperation.start(AgentObservationDocumentation.AGENT_RUN,
				DefaultAgentRunObservationConvention.INSTANCE, context, CurrentOperation.parent(this.registry),
				this.registry);
		this.runs.put(invocation.invocationId(), new Run(CurrentOperation.begin(observation)));
	}

	private String runName(InvocationContext invocation, @Nullable String serviceName) {
		if (this.agentName != null) {
			return this.agentName;
		}
		return (serviceName != null) ? serviceName : agentName(invocation.interfaceName());
	}

	private void requestIssued(AiServiceRequestIssuedEvent event) {
		Run run = this.runs.get(event.invocationContext().invocationId());
		if (run != null) {
			run.nextStep(this.registry);
		}
	}

	private void responseReceived(AiServiceResponseReceivedEvent event) {
		this.respondedInvocation.set(event.invocationContext().invocationId());
	}

	private void completed(AiServiceCompletedEvent event) {
		end(event.invocationContext(), null);
	}

	private void failed(AiServiceErrorEvent event) {
		end(event.invocationContext(), event.error());
	}

	private void end(InvocationContext invocation, @Nullable Throwable error) {
		Run run = this.runs.remove(invocation.invocationId());
		if (run != null) {
			run.end(error);
		}
		if (invocation.invocationId().equals(this.respondedInvocation.get())) {
			this.respondedInvocation.remove();
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
		// Tools may run on an executor's threads: the run is found by the invocation's id
		UUID invocationId = HAS_TOOL_INVOCATION_CONTEXT ? before.invocationContext().invocationId()
				: this.respondedInvocation.get();
		Run run = (invocationId != null) ? this.runs.get(invocationId) : null;
		Observation parent = (run != null) ? run.current() : CurrentOperation.parent(this.registry);
		Observation observation = CurrentOperation.start(AgentObservationDocumentation.TOOL_CALL,
				DefaultToolCallObservationConvention.INSTANCE, context, parent, this.registry);
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

	/**
	 * An invocation in progress: its run and the step it is in. A streamed invocation's
	 * requests may come from other threads than its start.
	 */
	private static final class Run {

		private final CurrentOperation run;

		private int steps;

		private @Nullable CurrentOperation step;

		Run(CurrentOperation run) {
			this.run = run;
		}

		/**
		 * End the step in progress, if any, and start the next one, current on this thread
		 * so that the model call about to be made belongs to it.
		 */
		synchronized void nextStep(ObservationRegistry registry) {
			endStep(null);
			Observation observation = CurrentOperation.start(AgentObservationDocumentation.AGENT_STEP,
					DefaultAgentStepObservationConvention.INSTANCE, new AgentStepContext(++this.steps),
					this.run.observation(), registry);
			this.step = CurrentOperation.begin(observation);
		}

		synchronized Observation current() {
			return (this.step != null) ? this.step.observation() : this.run.observation();
		}

		synchronized void end(@Nullable Throwable error) {
			endStep(error);
			stop(this.run, error);
		}

		private void endStep(@Nullable Throwable error) {
			if (this.step != null) {
				stop(this.step, error);
				this.step = null;
			}
		}

		private static void stop(CurrentOperation operation, @Nullable Throwable error) {
			operation.end();
			if (error != null) {
				operation.observation().error(error);
			}
			operation.observation().stop();
		}

	}

	private record ToolCall(ToolExecutionRequest request, CurrentOperation operation, @Nullable ToolCall previous) {
	}

}
