package dev.agentobs.internal.tracing;

import java.time.Duration;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;

import dev.agentobs.observation.AgentObservationContext;
import dev.agentobs.observation.AgentRunContext;
import dev.agentobs.observation.GenAiAttributes;
import dev.agentobs.observation.ModelCallContext;
import dev.agentobs.operation.AgentRun;
import dev.agentobs.operation.RunUsage;

/**
 * Makes the span of each agent observation: named by the convention's contextual name, with
 * the convention's key values as attributes and token counts as numbers (key values can only
 * be strings). Ordered before Spring Boot's {@code DefaultTracingObservationHandler}, which
 * it replaces for agent observations only.
 *
 * @since 0.1.0
 */
public class AgentTracingObservationHandler implements TracingObservationHandler<AgentObservationContext> {

	private static final String INPUT_TOKENS = GenAiAttributes.USAGE_INPUT_TOKENS.key();

	private static final String OUTPUT_TOKENS = GenAiAttributes.USAGE_OUTPUT_TOKENS.key();

	private static final String RUN_COST = GenAiAttributes.AGENT_RUN_COST.key();

	private static final String CACHED_INPUT_TOKENS = GenAiAttributes.USAGE_CACHE_READ_INPUT_TOKENS.key();

	private static final String CACHE_WRITE_INPUT_TOKENS = GenAiAttributes.USAGE_CACHE_CREATION_INPUT_TOKENS.key();

	private static final String REASONING_OUTPUT_TOKENS = GenAiAttributes.USAGE_REASONING_OUTPUT_TOKENS.key();

	private static final String REQUEST_STREAM = GenAiAttributes.REQUEST_STREAM.key();

	private static final String TIME_TO_FIRST_CHUNK = GenAiAttributes.RESPONSE_TIME_TO_FIRST_CHUNK.key();

	private final Tracer tracer;

	public AgentTracingObservationHandler(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public void onStart(AgentObservationContext context) {
		Span parent = getParentSpan(context);
		Span span = (parent != null) ? this.tracer.nextSpan(parent) : this.tracer.nextSpan();
		span.start();
		getTracingContext(context).setSpan(span);
		context.setSpan(span.context().traceId(), span.context().spanId());
	}

	@Override
	public void onStop(AgentObservationContext context) {
		Span span = getRequiredSpan(context);
		span.name(getSpanName(context));
		tagSpan(context, span);
		endSpan(context, span);
	}

	@Override
	public void tagSpan(AgentObservationContext context, Span span) {
		TracingObservationHandler.super.tagSpan(context, span);
		if (context instanceof AgentRunContext && context.getOperation() instanceof AgentRun run
				&& run.usage().modelCalls() > 0) {
			RunUsage usage = run.usage();
			span.tag(INPUT_TOKENS, usage.tokens().input());
			span.tag(OUTPUT_TOKENS, usage.tokens().output());
			if (usage.costKnown()) {
				span.tag(RUN_COST, usage.cost());
			}
		}
		else if (context instanceof ModelCallContext modelCall) {
			if (modelCall.getInputTokens() > 0 || modelCall.getOutputTokens() > 0) {
				span.tag(INPUT_TOKENS, modelCall.getInputTokens());
				span.tag(OUTPUT_TOKENS, modelCall.getOutputTokens());
			}
			if (modelCall.getCachedInputTokens() > 0) {
				span.tag(CACHED_INPUT_TOKENS, modelCall.getCachedInputTokens());
			}
			if (modelCall.getCacheWriteTokens() > 0) {
				span.tag(CACHE_WRITE_INPUT_TOKENS, modelCall.getCacheWriteTokens());
			}
			if (modelCall.getReasoningTokens() > 0) {
				span.tag(REASONING_OUTPUT_TOKENS, modelCall.getReasoningTokens());
			}
			span.tag(REQUEST_STREAM, modelCall.isStreamed());
			Duration timeToFirstChunk = modelCall.getTimeToFirstChunk();
			if (timeToFirstChunk != null) {
				span.tag(TIME_TO_FIRST_CHUNK, timeToFirstChunk.toNanos() / 1e9);
			}
		}
	}

	// The convention's contextual name as it is: Micrometer Tracing 1.5 (Spring Boot 3.5)
	// rewrites span names to lower-hyphen case, "invoke_agent Assistant" to "invoke_agent -assistant"
	@Override
	public String getSpanName(AgentObservationContext context) {
		String contextualName = context.getContextualName();
		return (contextualName != null && !contextualName.isBlank()) ? contextualName : context.getName();
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof AgentObservationContext;
	}

	@Override
	public Tracer getTracer() {
		return this.tracer;
	}

}
