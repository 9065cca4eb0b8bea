package dev.agentobs.event;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.agentobs.operation.AgentOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link OperationAttributes}: the attributes of an {@link AgentEvent}.
 */
class OperationAttributesTests {

	private final AgentOperation modelCall = AgentOperation.modelCall("openai", "gpt-4o")
		.agentName("research-agent")
		.runId("run-1")
		.tokens(1200, 300)
		.duration(Duration.ofMillis(150))
		.build();

	@Test
	void attributesAreTheOperationsKnownFactsInAFixedOrder() {
		Map<String, Object> attributes = AgentEvent.of(this.modelCall).attributes();
		assertThat(attributes).containsExactly(entry("gen_ai.operation.name", "chat"),
				entry("gen_ai.agent.name", "research-agent"), entry("agent.run.id", "run-1"),
				entry("gen_ai.provider.name", "openai"), entry("gen_ai.request.model", "gpt-4o"),
				entry("gen_ai.usage.input_tokens", 1200L), entry("gen_ai.usage.output_tokens", 300L));
		assertThat(attributes.get("gen_ai.tool.name")).isNull();
		assertThat(attributes.containsKey("gen_ai.request.model")).isTrue();
	}

	@Test
	void attributesEqualAnyMapWithTheSameEntries() {
		Map<String, Object> attributes = AgentEvent.of(AgentOperation.agentStep("research-agent", 2).build())
			.attributes();
		Map<String, Object> expected = Map.of("gen_ai.operation.name", "step", "gen_ai.agent.name", "research-agent",
				"agent.step.number", 2);
		assertThat(attributes).isEqualTo(expected);
		assertThat(attributes.hashCode()).isEqualTo(expected.hashCode());
		assertThat(AgentEvent.of(AgentOperation.toolCall("web_search").build()).attributes())
			.containsExactly(entry("gen_ai.operation.name", "execute_tool"), entry("gen_ai.tool.name", "web_search"),
					entry("gen_ai.tool.type", "function"));
	}

	@Test
	void attributesCannotBeChanged() {
		Map<String, Object> attributes = AgentEvent.of(this.modelCall).attributes();
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> attributes.put("gen_ai.request.model", "other"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> attributes.remove("gen_ai.request.model"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(attributes::clear);
		assertThat(attributes).containsEntry("gen_ai.request.model", "gpt-4o");
	}

}
