package dev.agentobs.test;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Hands each span to {@link RecordedSpans} as it ends. Not a {@code SpanExporter}: Spring
 * Boot's batch processor would pick up an exporter bean and hand it every span a second time.
 */
final class RecordingSpanProcessor implements SpanProcessor {

	private final RecordedSpans recorded;

	RecordingSpanProcessor(RecordedSpans recorded) {
		this.recorded = recorded;
	}

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
	}

	@Override
	public boolean isStartRequired() {
		return false;
	}

	@Override
	public void onEnd(ReadableSpan span) {
		this.recorded.add(span.toSpanData());
	}

	@Override
	public boolean isEndRequired() {
		return true;
	}

}
