package dev.agentobs.autoconfigure.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.autoconfigure.AgentObservationAutoConfiguration;
import dev.agentobs.autoconfigure.BootAutoConfigurations;
import dev.agentobs.event.AgentEvent;
import dev.agentobs.event.AgentEventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link AgentEventPublisher}: the subscriber API.
 */
@ExtendWith(OutputCaptureExtension.class)
class AgentEventPublisherTests {

	private final List<AgentEvent> events = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(BootAutoConfigurations.observation(), AgentObservationAutoConfiguration.class))
		.withBean("recording", AgentEventListener.class, () -> this.events::add);

	@Test
	void listenersReceiveEveryOperationWithItsEventName() {
		this.contextRunner.run((context) -> {
			AgentObservations observations = context.getBean(AgentObservations.class);
			observations.agent("research-agent").observe(() -> {
				observations.step(1).observe(() -> {
					observations.model("openai", "gpt-4o").observe((call) -> call.tokens(10, 5));
					observations.tool("web_search").observe(() -> "found");
					observations.codeExecution("python").observe(() -> 2);
				});
			});
			assertThat(this.events).extracting(AgentEvent::name)
				.containsExactly("model.generate", "tool.call", "executor.execute", "agent.step", "agent.run");
			AgentEvent model = this.events.get(0);
			assertThat(model.error()).isNull();
			assertThat(model.duration()).isPositive();
			assertThat(model.attributes()).contains(entry("gen_ai.request.model", "gpt-4o"),
					entry("gen_ai.provider.name", "openai"), entry("gen_ai.usage.input_tokens", 10L),
					entry("gen_ai.usage.output_tokens", 5L), entry("gen_ai.agent.name", "research-agent"));
			assertThat(this.events.get(1).attributes()).contains(entry("gen_ai.tool.name", "web_search"));
			assertThat(this.events.get(3).attributes()).contains(entry("agent.step.number", 1));
		});
	}

	@Test
	void failedOperationCarriesTheErrorClassName() {
		this.contextRunner.run((context) -> {
			try {
				context.getBean(AgentObservations.class).tool("web_search").observe(() -> {
					throw new UnsupportedOperationException("no network");
				});
			}
			catch (UnsupportedOperationException expected) {
				// the agent sees its own exception
			}
			assertThat(this.events).singleElement()
				.satisfies((event) -> assertThat(event.error()).isEqualTo("java.lang.UnsupportedOperationException"));
		});
	}

	@Test
	void throwingListenerDoesNotFailTheCallNorStopOtherListeners(CapturedOutput output) {
		this.contextRunner.withBean("throwing", AgentEventListener.class, () -> (event) -> {
			throw new IllegalStateException("listener bug");
		}).run((context) -> {
			String answer = context.getBean(AgentObservations.class).agent("research-agent").observe(() -> "42");
			assertThat(answer).isEqualTo("42");
			assertThat(this.events).hasSize(1);
			assertThat(output).contains("failed on agent.run; the agent is not affected")
				.contains("listener bug");
		});
	}

}
