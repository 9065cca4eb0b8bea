package dev.agentobs.internal.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;

/**
 * Reads the span that a tracing handler other than ours made for an observation, such as the
 * span Spring Boot's tracing handler makes for a Spring AI call, so that an operation recorded
 * from that observation names its trace. Safe to call when Micrometer Tracing is not on the
 * class path.
 *
 * @since 0.1.0
 */
public final class ObservationSpans {

	private static final boolean TRACING_PRESENT = isTracingPresent();

	private ObservationSpans() {
	}

	/**
	 * The ids of an observation's span.
	 * @param context the observation's context
	 * @return the span's ids, or {@code null} when the observation has no span
	 */
	public static @Nullable SpanIds of(Observation.ContextView context) {
		return TRACING_PRESENT ? Tracing.spanIds(context) : null;
	}

	private static boolean isTracingPresent() {
		try {
			Class.forName("io.micrometer.tracing.handler.TracingObservationHandler", false,
					ObservationSpans.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * The ids of a span.
	 *
	 * @param traceId the trace the span belongs to
	 * @param spanId the span's own id
	 */
	public record SpanIds(String traceId, String spanId) {

	}

	// Loaded only when Micrometer Tracing is present
	private static final class Tracing {

		static @Nullable SpanIds spanIds(Observation.ContextView context) {
			TracingObservationHandler.TracingContext tracing = context
				.get(TracingObservationHandler.TracingContext.class);
			Span span = (tracing != null) ? tracing.getSpan() : null;
			if (span == null || span.isNoop()) {
				return null;
			}
			TraceContext ids = span.context();
			return new SpanIds(ids.traceId(), ids.spanId());
		}

	}

}
