package dev.agentobs.internal.bridge.springai;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.util.Assert;

import dev.agentobs.cost.AgentBudgetExceededException;
import dev.agentobs.cost.AgentUsageContext;
import dev.agentobs.internal.budget.RunLedger;
import dev.agentobs.internal.cost.RunLedgers;
import dev.agentobs.internal.stats.ActiveAgentRuns;
import dev.agentobs.internal.support.OperationIds;
import dev.agentobs.internal.support.ResolvedOnce;
import dev.agentobs.internal.tracing.ObservationSpans;
import dev.agentobs.observation.AgentObservationContext;
import dev.agentobs.observation.AgentRunContext;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;
import dev.agentobs.operation.AgentRun;

/**
 * Counts every Spring AI {@code ChatClient} call, blocking or streaming, as one agent run, so
 * that the model and tool calls made inside it belong to that run. The agent's name is the
 * advisor parameter {@value #AGENT_NAME_PARAM} when the call has one, and otherwise the
 * configured default:
 *
 * <pre class="code">
 * chatClient.prompt(question)
 *     .advisors((advisors) -&gt; advisors.param("gen_ai.agent.name", "research-agent"))
 *     .call()
 *     .content();
 * </pre>
 *
 * A call made directly inside an agent run or step observed through {@code AgentObservations}
 * and not named by the parameter is part of that run rather than a run of its own. The
 * conversation id is Spring AI's chat memory conversation id when the call has one. Spring AI
 * makes the call's span itself; the run is recorded without a second one.
 *
 * @since 0.1.0
 */
public class SpringAiChatClientHandler implements ObservationHandler<ChatClientObservationContext> {

	/**
	 * The advisor parameter that names the agent of a {@code ChatClient} call: the GenAI
	 * attribute of the agent's name, so that users learn one name.
	 */
	public static final String AGENT_NAME_PARAM = "gen_ai.agent.name";

	private final AgentOperationSink operations;

	private final String defaultAgentName;

	private final @Nullable ActiveAgentRuns activeRuns;

	private final ResolvedOnce<RunLedgers> ledgers;

	/**
	 * Create a handler.
	 * @param operations where runs go: the sinks of every operation, as for
	 * {@code AgentObservations#record}
	 * @param defaultAgentName the agent's name of a call without the {@value #AGENT_NAME_PARAM}
	 * parameter
	 * @param activeRuns what counts the runs in progress, or {@code null}
	 */
	public SpringAiChatClientHandler(AgentOperationSink operations, String defaultAgentName,
			@Nullable ActiveAgentRuns activeRuns) {
		this(operations, defaultAgentName, activeRuns, () -> null);
	}

	/**
	 * Create a handler that keeps the ledger of each run, for its cost and budget.
	 * @param operations where runs go: the sinks of every operation, as for
	 * {@code AgentObservations#record}
	 * @param defaultAgentName the agent's name of a call without the {@value #AGENT_NAME_PARAM}
	 * parameter
	 * @param activeRuns what counts the runs in progress, or {@code null}
	 * @param ledgers supplies the ledgers of the runs in progress (or {@code null}), read when
	 * first needed: the handler is created with the observation registry, the ledgers need not be
	 */
	public SpringAiChatClientHandler(AgentOperationSink operations, String defaultAgentName,
			@Nullable ActiveAgentRuns activeRuns, Supplier<? extends @Nullable RunLedgers> ledgers) {
		Assert.notNull(operations, "operations must not be null");
		Assert.hasText(defaultAgentName, "defaultAgentName must not be empty");
		this.operations = operations;
		this.defaultAgentName = defaultAgentName;
		this.activeRuns = activeRuns;
		this.ledgers = new ResolvedOnce<>(ledgers);
	}

	@Override
	public void onStart(ChatClientObservationContext context) {
		Map<String, @Nullable Object> params = context.getRequest().context();
		String agentName = text(params.get(AGENT_NAME_PARAM));
		String conversationId = text(params.get(ChatMemory.CONVERSATION_ID));
		ObservationView parent = context.getParentObservation();
		if (agentName == null && isRunOrStep(parent)) {
			// Part of the run the application observes itself: no run of its own
			return;
		}
		SpringAiRun enclosing = SpringAiRun.enclosing(parent);
		if (conversationId == null && enclosing != null) {
			conversationId = enclosing.conversationId();
		}
		if (conversationId == null) {
			AgentUsageContext current = AgentUsageContext.current();
			conversationId = (current != null) ? current.getConversationId() : null;
		}
		String name = (agentName != null) ? agentName : this.defaultAgentName;
		String runId = AgentRunContext.newRunId();
		context.put(SpringAiRun.class, new SpringAiRun(name, runId, conversationId, System.nanoTime(),
				OperationIds.next(), SpringAiRun.enclosingOperationId(parent)));
		RunLedgers ledgers = this.ledgers.get();
		if (ledgers != null) {
			ledgers.started(name, runId, (enclosing != null) ? enclosing.runId() : null, null, null);
		}
		if (this.activeRuns != null) {
			this.activeRuns.started(name);
		}
	}

	@Override
	public void onStop(ChatClientObservationContext context) {
		SpringAiRun run = context.get(SpringAiRun.class);
		if (run == null || run.agentName() == null) {
			return;
		}
		if (this.activeRuns != null) {
			this.activeRuns.finished(run.agentName());
		}
		AgentRun.Builder operation = AgentOperation.agentRun(run.agentName())
			.runId(run.runId())
			.conversationId(run.conversationId())
			.operationIds(run.operationId(), run.parentOperationId())
			.duration(Duration.ofNanos(Math.max(0, System.nanoTime() - run.startNanos())))
			.error(context.getError());
		// Spring AI made the run's span: the recorded run names its trace
		ObservationSpans.SpanIds span = ObservationSpans.of(context);
		if (span != null) {
			operation.span(span.traceId(), span.spanId());
		}
		RunLedgers ledgers = this.ledgers.get();
		RunLedger ledger = (ledgers != null) ? ledgers.ledger(run.runId()) : null;
		if (ledger != null) {
			operation.usage(ledger.usage());
		}
		if (RunLedger.endedByBudget(ledger, context.getError())) {
			operation.errorType(AgentBudgetExceededException.ERROR_TYPE);
		}
		AgentRun finished = operation.build();
		try {
			this.operations.accept(finished);
		}
		finally {
			if (ledgers != null) {
				ledgers.finished(finished);
			}
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatClientObservationContext;
	}

	private static boolean isRunOrStep(@Nullable ObservationView parent) {
		ObservationView current = parent;
		while (current != null) {
			Observation.ContextView context = current.getContextView();
			if (context.get(SpringAiRun.class) != null) {
				return false;
			}
			if (context instanceof AgentObservationContext agentContext) {
				AgentOperation.Kind kind = agentContext.getKind();
				return kind == AgentOperation.Kind.AGENT_RUN || kind == AgentOperation.Kind.AGENT_STEP;
			}
			current = context.getParentObservation();
		}
		return false;
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString();
		return text.isBlank() ? null : text;
	}

}
