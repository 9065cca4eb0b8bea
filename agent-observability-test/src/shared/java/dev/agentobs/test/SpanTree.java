package dev.agentobs.test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.jspecify.annotations.Nullable;

import dev.agentobs.observation.GenAiAttributes;

/**
 * Spans of agent operations as a tree of names: recorded ones nested by their parent span
 * ids, expected ones parsed from indented text. Spans of other instrumentation (HTTP, JDBC)
 * are left out; an agent span under one of them hangs from its nearest agent ancestor.
 */
final class SpanTree {

	// Every agent span has one: runs, model, tool calls the operation name, steps their
	// number, code executions their language.
	private static final Set<String> AGENT_SPAN_KEYS = Set.of(GenAiAttributes.OPERATION_NAME.key(),
			GenAiAttributes.AGENT_STEP_NUMBER.key(), GenAiAttributes.CODE_LANGUAGE.key());

	private static final String INDENT = "  ";

	private SpanTree() {
	}

	/**
	 * The agent spans as trees, siblings in the order they started.
	 * @param spans the recorded spans
	 * @return the root nodes
	 */
	static List<Node> ofAgentSpans(List<SpanData> spans) {
		Map<String, SpanData> byId = new HashMap<>();
		for (SpanData span : spans) {
			byId.put(id(span.getTraceId(), span.getSpanId()), span);
		}
		List<SpanData> agentSpans = new ArrayList<>();
		for (SpanData span : spans) {
			if (isAgentSpan(span)) {
				agentSpans.add(span);
			}
		}
		agentSpans.sort(Comparator.comparingLong(SpanData::getStartEpochNanos));
		Map<String, Node> nodes = new HashMap<>();
		List<Node> roots = new ArrayList<>();
		for (SpanData span : agentSpans) {
			Node node = new Node(span.getName());
			nodes.put(id(span.getTraceId(), span.getSpanId()), node);
			SpanData parent = agentParent(span, byId);
			Node parentNode = (parent != null) ? nodes.get(id(parent.getTraceId(), parent.getSpanId())) : null;
			if (parentNode != null) {
				parentNode.children.add(node);
			}
			else {
				roots.add(node);
			}
		}
		return roots;
	}

	/**
	 * Parse a tree written one name a line, children indented deeper than their parent.
	 * @param text the tree
	 * @return the root nodes
	 */
	static List<Node> parse(String text) {
		List<Node> roots = new ArrayList<>();
		Deque<Node> parents = new ArrayDeque<>();
		Deque<Integer> indents = new ArrayDeque<>();
		for (String line : text.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			int indent = 0;
			while (line.charAt(indent) == ' ') {
				indent++;
			}
			if (line.charAt(indent) == '\t') {
				throw new IllegalArgumentException(
						"Indent the expected span tree with spaces, not tabs: \"" + line.strip() + "\"");
			}
			while (!indents.isEmpty() && indents.peek() >= indent) {
				indents.pop();
				parents.pop();
			}
			Node node = new Node(line.strip());
			if (parents.isEmpty()) {
				roots.add(node);
			}
			else {
				parents.peek().children.add(node);
			}
			parents.push(node);
			indents.push(indent);
		}
		return roots;
	}

	/**
	 * Whether a node or one of its descendants has the same subtree as another node, sibling
	 * order aside.
	 * @param candidates the nodes to search
	 * @param expected the subtree to find
	 * @return whether it is there
	 */
	static boolean contains(List<Node> candidates, Node expected) {
		String wanted = expected.canonical();
		Deque<Node> pending = new ArrayDeque<>(candidates);
		while (!pending.isEmpty()) {
			Node node = pending.pop();
			if (node.name.equals(expected.name) && node.canonical().equals(wanted)) {
				return true;
			}
			pending.addAll(node.children);
		}
		return false;
	}

	/**
	 * Trees as indented text, one name a line.
	 * @param roots the root nodes
	 * @return the text, each line indented at least once
	 */
	static String render(List<Node> roots) {
		StringBuilder text = new StringBuilder();
		for (Node root : roots) {
			root.render(text, 1, false);
		}
		return text.toString().stripTrailing();
	}

	/**
	 * The names of spans, for short descriptions.
	 * @param spans the spans
	 * @return their names, in order
	 */
	static List<String> names(List<SpanData> spans) {
		List<String> names = new ArrayList<>(spans.size());
		for (SpanData span : spans) {
			names.add(span.getName());
		}
		return names;
	}

	static boolean isAgentSpan(SpanData span) {
		for (AttributeKey<?> key : span.getAttributes().asMap().keySet()) {
			if (AGENT_SPAN_KEYS.contains(key.getKey())) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable SpanData agentParent(SpanData span, Map<String, SpanData> byId) {
		SpanData current = span;
		// Bounded: parent ids from a broken exporter must not loop forever
		for (int hops = 0; hops < byId.size(); hops++) {
			SpanData parent = byId.get(id(current.getTraceId(), current.getParentSpanId()));
			if (parent == null) {
				return null;
			}
			if (isAgentSpan(parent)) {
				return parent;
			}
			current = parent;
		}
		return null;
	}

	private static String id(String traceId, String spanId) {
		return traceId + '/' + spanId;
	}

	/**
	 * One span of a tree.
	 */
	static final class Node {

		final String name;

		final List<Node> children = new ArrayList<>();

		Node(String name) {
			this.name = name;
		}

		/**
		 * The subtree as text with siblings sorted, so that equal trees have equal text
		 * whatever the order their spans started in.
		 */
		String canonical() {
			StringBuilder text = new StringBuilder();
			render(text, 0, true);
			return text.toString();
		}

		private void render(StringBuilder text, int depth, boolean sorted) {
			text.append(INDENT.repeat(depth)).append(this.name).append('\n');
			if (!sorted) {
				for (Node child : this.children) {
					child.render(text, depth + 1, false);
				}
				return;
			}
			List<String> children = new ArrayList<>(this.children.size());
			for (Node child : this.children) {
				StringBuilder childText = new StringBuilder();
				child.render(childText, depth + 1, true);
				children.add(childText.toString());
			}
			children.sort(null);
			for (String child : children) {
				text.append(child);
			}
		}

	}

}
