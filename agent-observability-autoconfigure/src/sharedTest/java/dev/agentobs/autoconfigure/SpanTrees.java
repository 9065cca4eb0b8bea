package dev.agentobs.autoconfigure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.opentelemetry.sdk.trace.data.SpanData;
import org.jspecify.annotations.Nullable;

/**
 * The outline of a trace as the recent runs show it, to compare with a run's tree: only the
 * spans of agent operations, each under its nearest ancestor that is one (Spring AI's advisor
 * spans, HTTP client spans and the like are skipped), one a line, indented by depth, in the
 * order they started.
 */
public final class SpanTrees {

	private SpanTrees() {
	}

	/**
	 * The outline of the tree of spans under one root.
	 * @param spans every finished span
	 * @param root the span at the top, an agent operation's
	 * @param names the name of an agent operation's span as the outline shows it, {@code null}
	 * for any other span; for spans the starter makes, the span's name
	 * @return one line per agent operation, indented two spaces per level
	 */
	public static String outline(List<SpanData> spans, SpanData root, Function<SpanData, @Nullable String> names) {
		Map<String, SpanData> byId = new HashMap<>();
		spans.forEach((span) -> byId.put(span.getSpanId(), span));
		Map<String, List<SpanData>> children = new HashMap<>();
		for (SpanData span : spans) {
			if (span == root || names.apply(span) == null) {
				continue;
			}
			SpanData parent = byId.get(span.getParentSpanId());
			while (parent != null && parent != root && names.apply(parent) == null) {
				parent = byId.get(parent.getParentSpanId());
			}
			if (parent != null) {
				children.computeIfAbsent(parent.getSpanId(), (id) -> new ArrayList<>()).add(span);
			}
		}
		StringBuilder outline = new StringBuilder();
		append(outline, root, 0, children, names);
		return outline.toString();
	}

	/**
	 * The outline of the spans the starter makes under one root.
	 * @param spans every finished span
	 * @param rootName the root's name, such as {@code invoke_agent research-agent}
	 * @return the outline
	 */
	public static String outline(List<SpanData> spans, String rootName) {
		SpanData root = spans.stream().filter((span) -> span.getName().equals(rootName)).findFirst().orElseThrow();
		return outline(spans, root, SpanTrees::ourSpanName);
	}

	private static @Nullable String ourSpanName(SpanData span) {
		String name = span.getName();
		return (name.startsWith("invoke_agent ") || name.startsWith("step ") || name.startsWith("chat ")
				|| name.startsWith("execute_tool ") || name.startsWith("execute_code ")) ? name : null;
	}

	private static void append(StringBuilder outline, SpanData span, int depth, Map<String, List<SpanData>> children,
			Function<SpanData, @Nullable String> names) {
		outline.append("  ".repeat(depth)).append(names.apply(span)).append('\n');
		List<SpanData> below = new ArrayList<>(children.getOrDefault(span.getSpanId(), List.of()));
		below.sort(Comparator.comparingLong(SpanData::getStartEpochNanos));
		for (SpanData child : below) {
			append(outline, child, depth + 1, children, names);
		}
	}

}
