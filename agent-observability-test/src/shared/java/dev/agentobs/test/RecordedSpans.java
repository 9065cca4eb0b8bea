package dev.agentobs.test;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * Every span that ended in the application under test, in the order they ended, as the
 * OpenTelemetry SDK exports them.
 * {@link AutoConfigureAgentObservability @AutoConfigureAgentObservability} defines one when
 * the application traces with the OpenTelemetry SDK (as the starter does), has every trace
 * sampled and clears it before each test. Spans are recorded as they end, without waiting
 * for the exporter's batch. Safe to use from many threads.
 *
 * <pre class="code">
 * &#064;Autowired RecordedSpans spans;
 *
 * assertThat(spans).hasSpanTree("""
 *         invoke_agent research-agent
 *           step 1 research-agent
 *             chat gpt-4o
 *         """);
 * </pre>
 *
 * @since 0.1.0
 * @see AgentObservabilityAssertions#assertThat(RecordedSpans)
 */
public final class RecordedSpans {

	private final ConcurrentLinkedQueue<SpanData> spans = new ConcurrentLinkedQueue<>();

	void add(SpanData span) {
		this.spans.add(span);
	}

	/**
	 * The spans that ended so far.
	 * @return an unmodifiable snapshot, in the order the spans ended
	 */
	public List<SpanData> spans() {
		return List.copyOf(this.spans);
	}

	/**
	 * Forget every span recorded so far.
	 */
	public void clear() {
		this.spans.clear();
	}

	@Override
	public String toString() {
		return "RecordedSpans" + SpanTree.names(spans());
	}

}
