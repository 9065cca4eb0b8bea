package dev.agentobs.internal.logging;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

import dev.agentobs.internal.support.SafeText;
import dev.agentobs.observation.GenAiAttributes;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;
import dev.agentobs.operation.AgentRun;
import dev.agentobs.operation.RunUsage;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.OperationScope;

/**
 * Logs one event per finished agent run and model call, with its facts as SLF4J key-value
 * pairs, so that Spring Boot's structured logging ({@code logging.structured.format.console})
 * prints them as JSON fields beside the trace and span ids. Successes log at INFO, failures at
 * WARN, under the logger {@code dev.agentobs.logging.AgentLogEvents}. While an event is logged
 * the MDC holds the operation's own trace id, span id, run id and conversation id. Control
 * characters in names are escaped ({@code \n} as {@code \\n}), so that an event is one line
 * whatever names the agent was given.
 *
 * @since 0.1.0
 */
public class AgentLogEvents implements AgentOperationSink {

	/** ECS's field for an event's duration, in nanoseconds. */
	static final String DURATION = "event.duration";

	/**
	 * The logger the events are written to, the name users set levels and appenders for: part
	 * of the API, so it stays the same wherever this class lives.
	 */
	public static final String LOGGER_NAME = "dev.agentobs.logging.AgentLogEvents";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	// Spring Boot's tracing puts the current trace and span ids under these keys
	private static final String[] MDC_KEYS = { "traceId", "spanId", AgentLogContextHandler.RUN_ID,
			AgentLogContextHandler.CONVERSATION_ID };

	@Override
	public void accept(AgentOperation operation) {
		if (operation instanceof AgentRun || operation instanceof ModelCall) {
			log(operation);
		}
	}

	private void log(AgentOperation operation) {
		boolean failed = operation.failed();
		if (failed ? !logger.isWarnEnabled() : !logger.isInfoEnabled()) {
			return;
		}
		LoggingEventBuilder event = failed ? logger.atWarn() : logger.atInfo();
		event.addKeyValue(GenAiAttributes.OPERATION_NAME.key(), safe(operation.operationName()));
		add(event, GenAiAttributes.AGENT_NAME, operation.agentName());
		StringBuilder message = new StringBuilder(96);
		ModelCall call = (operation instanceof ModelCall modelCall) ? modelCall : null;
		if (call != null) {
			add(event, GenAiAttributes.PROVIDER_NAME, call.providerName());
			add(event, GenAiAttributes.REQUEST_MODEL, call.requestModel());
			add(event, GenAiAttributes.RESPONSE_MODEL, call.responseModel());
			event.addKeyValue(GenAiAttributes.USAGE_INPUT_TOKENS.key(), call.tokens().input());
			event.addKeyValue(GenAiAttributes.USAGE_OUTPUT_TOKENS.key(), call.tokens().output());
			message.append("Model call ").append(safe(call.operationName())).append(' ').append(safe(call.requestModel()));
		}
		else {
			message.append("Agent run ").append(safe(operation.agentName()));
		}
		RunUsage usage = (operation instanceof AgentRun run && run.usage().modelCalls() > 0) ? run.usage() : null;
		if (usage != null) {
			event.addKeyValue(GenAiAttributes.USAGE_INPUT_TOKENS.key(), usage.tokens().input());
			event.addKeyValue(GenAiAttributes.USAGE_OUTPUT_TOKENS.key(), usage.tokens().output());
			if (usage.costKnown()) {
				event.addKeyValue(GenAiAttributes.AGENT_RUN_COST.key(), usage.cost());
			}
		}
		event.addKeyValue(DURATION, operation.duration().toNanos());
		long millis = operation.duration().toMillis();
		if (failed) {
			event.addKeyValue(GenAiAttributes.ERROR_TYPE.key(), safe(operation.errorType()));
			message.append(" failed after ").append(millis).append(" ms: ").append(safe(operation.errorType()));
		}
		else {
			message.append(" finished in ").append(millis).append(" ms");
		}
		if (call != null) {
			message.append(" (")
				.append(call.tokens().input())
				.append(" input, ")
				.append(call.tokens().output())
				.append(" output tokens)");
		}
		else if (usage != null) {
			message.append(" (")
				.append(usage.modelCalls())
				.append(" model calls, ")
				.append(usage.tokens().input())
				.append(" input, ")
				.append(usage.tokens().output())
				.append(" output tokens");
			if (usage.costKnown()) {
				// To the millionth of a dollar, never in exponent form (0.0001, not 1.0E-4)
				message.append(", $").append(BigDecimal.valueOf(usage.cost())
					.setScale(6, RoundingMode.HALF_UP)
					.stripTrailingZeros()
					.toPlainString());
			}
			message.append(')');
		}
		OperationScope scope = operation.scope();
		String[] ids = { scope.traceId(), scope.spanId(), scope.runId(), scope.conversationId() };
		int changed = correlate(ids);
		try {
			event.log(message.toString());
		}
		finally {
			restore(ids, changed);
		}
	}

	/**
	 * Put the operation's own ids in the MDC while its event is logged, where it does not hold
	 * them already. The event is logged when the operation stops, after its scope closed: the
	 * MDC then holds the parent's span and the same run's ids, or nothing at all on a pooled
	 * thread.
	 * @param ids the operation's ids, in the order of {@link #MDC_KEYS}; each replaced by what
	 * the MDC held, for {@link #restore}
	 * @return a bit per key whose value was changed
	 */
	private static int correlate(@Nullable String[] ids) {
		int changed = 0;
		for (int i = 0; i < MDC_KEYS.length; i++) {
			String id = ids[i];
			String current = MDC.get(MDC_KEYS[i]);
			if (id != null && !id.equals(current)) {
				MDC.put(MDC_KEYS[i], id);
				changed |= 1 << i;
			}
			ids[i] = current;
		}
		return changed;
	}

	private static void restore(@Nullable String[] previous, int changed) {
		for (int i = 0; i < MDC_KEYS.length; i++) {
			if ((changed & (1 << i)) != 0) {
				if (previous[i] != null) {
					MDC.put(MDC_KEYS[i], previous[i]);
				}
				else {
					MDC.remove(MDC_KEYS[i]);
				}
			}
		}
	}

	private static void add(LoggingEventBuilder event, GenAiAttributes key, @Nullable String value) {
		if (value != null) {
			event.addKeyValue(key.key(), SafeText.escapeControls(value));
		}
	}

	/**
	 * The name with its control characters escaped: a name such as {@code "x\n... ERROR ..."}
	 * must not write a forged line. The name itself, unchanged, in the common case.
	 */
	private static @Nullable String safe(@Nullable String name) {
		return (name != null) ? SafeText.escapeControls(name) : null;
	}

}
