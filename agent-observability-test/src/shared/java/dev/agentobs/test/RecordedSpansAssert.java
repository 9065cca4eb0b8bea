package dev.agentobs.test;

import java.util.ArrayList;
import java.util.List;

import io.opentelemetry.sdk.trace.data.SpanData;
import org.assertj.core.api.AbstractAssert;

import org.springframework.util.Assert;

import static dev.agentobs.test.OperationDescriptions.quote;

/**
 * Assertions on the spans a test recorded. Every failure names what was expected and shows
 * what was recorded.
 *
 * @since 0.1.0
 * @see AgentObservabilityAssertions#assertThat(RecordedSpans)
 */
public class RecordedSpansAssert extends AbstractAssert<RecordedSpansAssert, RecordedSpans> {

	RecordedSpansAssert(RecordedSpans actual) {
		super(actual, RecordedSpansAssert.class);
	}

	/**
	 * Verify that the spans of agent operations contain a tree, written one span name a line
	 * with children indented deeper than their parent:
	 *
	 * <pre class="code">
	 * assertThat(spans).hasSpanTree("""
	 *         invoke_agent research-agent
	 *           step 1 research-agent
	 *             chat gpt-4o
	 *             execute_tool web_search
	 *         """);
	 * </pre>
	 *
	 * Each top span of the expected tree must match a recorded agent span with exactly the
	 * expected descendants, in any order of siblings. Spans of other instrumentation, such as
	 * the HTTP request that ran the agent, are left out; an agent span under one of them
	 * belongs to its nearest agent ancestor.
	 * @param expectedTree the tree
	 * @return this
	 */
	public RecordedSpansAssert hasSpanTree(String expectedTree) {
		isNotNull();
		Assert.hasText(expectedTree, "expectedTree must not be empty");
		List<SpanTree.Node> expected = SpanTree.parse(expectedTree);
		List<SpanTree.Node> recorded = SpanTree.ofAgentSpans(this.actual.spans());
		for (SpanTree.Node root : expected) {
			if (!SpanTree.contains(recorded, root)) {
				String n = System.lineSeparator();
				throw failure("%s",
						"Expected the agent spans to contain the tree" + n + SpanTree.render(List.of(root)) + n
								+ "but " + (recorded.isEmpty() ? "no agent span was recorded."
										: "the recorded agent spans form" + n + SpanTree.render(recorded)));
			}
		}
		return this;
	}

	/**
	 * Verify that exactly one span has this name, and continue with assertions on it.
	 * @param name the span's name, such as {@code chat gpt-4o}
	 * @return assertions on the span
	 */
	public RecordedSpanAssert hasSpan(String name) {
		isNotNull();
		List<SpanData> spans = this.actual.spans();
		List<SpanData> named = new ArrayList<>();
		for (SpanData span : spans) {
			if (span.getName().equals(name)) {
				named.add(span);
			}
		}
		if (named.size() != 1) {
			String n = System.lineSeparator();
			throw failure("%s", "Expected one span named " + quote(name) + "," + n + "but recorded " + named.size()
					+ "." + n + "Recorded spans, in the order they ended: " + SpanTree.names(spans));
		}
		return new RecordedSpanAssert(named.get(0));
	}

}
