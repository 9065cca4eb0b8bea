package dev.agentobs.api;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.agentobs.observation.AgentRunContext;
import dev.agentobs.observation.AgentRunObservationConvention;
import dev.agentobs.observation.AgentStepContext;
import dev.agentobs.observation.AgentStepObservationConvention;
import dev.agentobs.observation.CodeExecutionContext;
import dev.agentobs.observation.CodeExecutionObservationConvention;
import dev.agentobs.observation.ModelCallContext;
import dev.agentobs.observation.ModelCallObservationConvention;
import dev.agentobs.observation.ToolCallContext;
import dev.agentobs.observation.ToolCallObservationConvention;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;

/**
 * The entry point for agent code: observe agent runs, steps, model calls, tool calls and code
 * execution, or record operations that finished elsewhere.
 *
 * <pre class="code">
 * String answer = observations.agent("research-agent").conversationId(id).observe(() -&gt; {
 *     Reply reply = observations.model("openai", "gpt-4o").observe((call) -&gt; {
 *         Reply r = llm.chat(prompt);
 *         call.tokens(r.inputTokens(), r.outputTokens());
 *         return r;
 *     });
 *     return observations.tool("web_search").observe(() -&gt; search(reply.query()));
 * });
 * </pre>
 *
 * Operations observed inside an agent run belong to it, on the same thread or on threads the
 * Micrometer context is propagated to. When the registry has no handlers, nothing is
 * allocated and the work simply runs. Nothing given here stops the work from running: a null
 * or blank name is recorded as {@value #INVALID_NAME}, with a warning naming the call.
 *
 * @since 0.1.0
 */
public class AgentObservations {

	/**
	 * The name an operation is recorded with when the facade is given a null or blank one:
	 * observability never stops the work, so the operation runs and is recorded under this
	 * name, and a warning (at most once a minute per argument) names the call.
	 */
	public static final String INVALID_NAME = InvalidInput.NAME;

	private static final AgentObservations NOOP = new AgentObservations(ObservationRegistry.NOOP, (operation) -> {
	});

	private final ObservationRegistry registry;

	private final AgentOperationSink recorded;

	private @Nullable AgentRunObservationConvention agentRunConvention;

	private @Nullable AgentStepObservationConvention agentStepConvention;

	private @Nullable ModelCallObservationConvention modelCallConvention;

	private @Nullable ToolCallObservationConvention toolCallConvention;

	private @Nullable CodeExecutionObservationConvention codeExecutionConvention;

	/**
	 * Create the facade.
	 * @param registry the registry observations go to
	 * @param recorded where {@link #record(AgentOperation)} sends operations that finished
	 * elsewhere (metrics and the other sinks)
	 */
	public AgentObservations(ObservationRegistry registry, AgentOperationSink recorded) {
		Assert.notNull(registry, "registry must not be null");
		Assert.notNull(recorded, "recorded must not be null");
		this.registry = registry;
		this.recorded = recorded;
	}

	/**
	 * A facade that observes nothing and runs the work, for code that must also run where the
	 * starter is switched off ({@code monitoring.enabled=false} adds no bean, this one neither):
	 * {@code observationsProvider.getIfAvailable(AgentObservations::noop)}.
	 * @return a facade that records nothing
	 */
	public static AgentObservations noop() {
		return NOOP;
	}

	/**
	 * An agent run.
	 * @param agentName the agent's name, such as {@code research-agent}; a null or blank one is
	 * recorded as {@value #INVALID_NAME} with a warning
	 * @return the run to configure and observe
	 */
	public AgentRunObservation agent(@Nullable String agentName) {
		return this.registry.isNoop() ? AgentRunObservation.NOOP : new AgentRunObservation(this.registry,
				new AgentRunContext(InvalidInput.name(agentName, "agentName")), this.agentRunConvention);
	}

	/**
	 * A step of the current agent run.
	 * @param stepNumber the step's number, from 1; a step numbered below 1 runs unobserved,
	 * with a warning
	 * @return the step to observe
	 */
	public AgentStepObservation step(int stepNumber) {
		if (this.registry.isNoop()) {
			return AgentStepObservation.NOOP;
		}
		if (stepNumber < 1) {
			InvalidInput.warn("stepNumber", "stepNumber must be 1 or more, was " + stepNumber
					+ "; the step runs unobserved");
			return AgentStepObservation.NOOP;
		}
		return new AgentStepObservation(this.registry, new AgentStepContext(stepNumber), this.agentStepConvention);
	}

	/**
	 * A model call.
	 * @param providerName the provider as the GenAI conventions name it: {@code openai},
	 * {@code anthropic}, {@code aws.bedrock}, {@code gcp.vertex_ai}, ...; a null or blank one
	 * is recorded as {@value #INVALID_NAME} with a warning
	 * @param requestModel the model asked for, such as {@code gpt-4o}; likewise
	 * @return the call to configure and observe
	 */
	public ModelCallObservation model(@Nullable String providerName, @Nullable String requestModel) {
		return this.registry.isNoop() ? ModelCallObservation.NOOP : new ModelCallObservation(this.registry,
				new ModelCallContext(InvalidInput.name(providerName, "providerName"),
						InvalidInput.name(requestModel, "requestModel")),
				this.modelCallConvention);
	}

	/**
	 * A tool call.
	 * @param toolName the tool's name, such as {@code web_search}; a null or blank one is
	 * recorded as {@value #INVALID_NAME} with a warning
	 * @return the call to configure and observe
	 */
	public ToolCallObservation tool(@Nullable String toolName) {
		return this.registry.isNoop() ? ToolCallObservation.NOOP : new ToolCallObservation(this.registry,
				new ToolCallContext(InvalidInput.name(toolName, "toolName")), this.toolCallConvention);
	}

	/**
	 * The execution of code an agent wrote.
	 * @param language the code's language, such as {@code python}; a null or blank one is
	 * recorded as {@value #INVALID_NAME} with a warning
	 * @return the execution to configure and observe
	 */
	public CodeExecutionObservation codeExecution(@Nullable String language) {
		return this.registry.isNoop() ? CodeExecutionObservation.NOOP : new CodeExecutionObservation(this.registry,
				new CodeExecutionContext(InvalidInput.name(language, "language")), this.codeExecutionConvention);
	}

	/**
	 * Record an operation that finished without being observed here, such as one a framework
	 * reported. It reaches the metrics and every sink, but makes no span.
	 * @param operation the finished operation
	 */
	public void record(AgentOperation operation) {
		Assert.notNull(operation, "operation must not be null");
		this.recorded.accept(operation);
	}

	public void setAgentRunConvention(@Nullable AgentRunObservationConvention agentRunConvention) {
		this.agentRunConvention = agentRunConvention;
	}

	public void setAgentStepConvention(@Nullable AgentStepObservationConvention agentStepConvention) {
		this.agentStepConvention = agentStepConvention;
	}

	public void setModelCallConvention(@Nullable ModelCallObservationConvention modelCallConvention) {
		this.modelCallConvention = modelCallConvention;
	}

	public void setToolCallConvention(@Nullable ToolCallObservationConvention toolCallConvention) {
		this.toolCallConvention = toolCallConvention;
	}

	public void setCodeExecutionConvention(@Nullable CodeExecutionObservationConvention codeExecutionConvention) {
		this.codeExecutionConvention = codeExecutionConvention;
	}

}
