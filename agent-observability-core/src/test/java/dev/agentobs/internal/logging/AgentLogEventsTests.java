package dev.agentobs.internal.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.KeyValuePair;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.internal.observation.AgentOperationDispatcher;
import dev.agentobs.internal.observation.AgentOperationHandler;
import dev.agentobs.operation.AgentOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link AgentLogEvents} and {@link AgentLogContextHandler}.
 */
@ExtendWith(OutputCaptureExtension.class)
class AgentLogEventsTests {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(AgentLogEvents.LOGGER_NAME);

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final AgentObservations observations;

	AgentLogEventsTests() {
		AgentOperationDispatcher dispatcher = new AgentOperationDispatcher(List.of(new AgentLogEvents()));
		this.registry.observationConfig()
			.observationHandler(new AgentOperationHandler(dispatcher))
			.observationHandler(new AgentLogContextHandler());
		this.observations = new AgentObservations(this.registry, dispatcher::dispatch);
	}

	@BeforeEach
	void attach() {
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void detach() {
		this.logger.detachAppender(this.appender);
	}

	@Test
	void aForgedNameWritesOneLineWithItsControlCharactersEscaped(CapturedOutput output) {
		String forged = "x\n2025-06-01T10:00:00.000Z ERROR 1 --- [main] dev.agentobs.Security : FORGED\r\u001b[0m";
		this.observations.agent(forged).observe(() -> this.observations.model("openai", forged)
			.errorType("rate\nlimited")
			.observe((call) -> "reply"));
		assertThat(this.appender.list).hasSize(2)
			.allSatisfy((event) -> assertThat(event.getFormattedMessage()).doesNotContain("\n", "\r", "\u001b")
				.contains("x\\n2025-06-01T10:00:00.000Z ERROR 1 --- [main] dev.agentobs.Security : FORGED\\r\\u001b[0m"));
		assertThat(this.appender.list.get(0).getFormattedMessage()).endsWith("ms: rate\\nlimited (0 input, 0 output tokens)");
		assertThat(keyValues(this.appender.list.get(1))).containsEntry("gen_ai.agent.name",
				"x\\n2025-06-01T10:00:00.000Z ERROR 1 --- [main] dev.agentobs.Security : FORGED\\r\\u001b[0m");
		assertThat(output.getOut().lines().filter((line) -> line.contains("FORGED"))).hasSize(2)
			.allSatisfy((line) -> assertThat(line).contains("AgentLogEvents"));
	}

	@Test
	void finishedRunAndModelCallAreLoggedWithKeyValues() {
		this.observations.agent("research-agent").conversationId("conv-1").observe(() -> {
			this.observations.model("openai", "gpt-4o").observe((call) -> call.tokens(1200, 300));
			this.observations.tool("web_search").observe(() -> "not logged");
		});
		assertThat(this.appender.list).hasSize(2);
		ILoggingEvent model = this.appender.list.get(0);
		assertThat(model.getFormattedMessage()).startsWith("Model call chat gpt-4o finished in ")
			.endsWith(" ms (1200 input, 300 output tokens)");
		assertThat(keyValues(model)).contains(entry("gen_ai.request.model", "gpt-4o"),
				entry("gen_ai.provider.name", "openai"), entry("gen_ai.usage.input_tokens", 1200L),
				entry("gen_ai.usage.output_tokens", 300L), entry("gen_ai.agent.name", "research-agent"))
			.containsKey("event.duration");
		// The ids are in the MDC; structured logging refuses a key-value pair that repeats one
		assertThat(model.getMDCPropertyMap()).containsEntry("gen_ai.conversation.id", "conv-1")
			.containsKey("agent.run.id");
		assertThat(keyValues(model)).doesNotContainKeys(model.getMDCPropertyMap().keySet().toArray(new String[0]));
		ILoggingEvent run = this.appender.list.get(1);
		assertThat(run.getFormattedMessage()).startsWith("Agent run research-agent finished in ");
		assertThat(run.getLevel().toString()).isEqualTo("INFO");
	}

	@Test
	void failedRunIsLoggedAtWarnWithItsErrorType() {
		try {
			this.observations.agent("research-agent").observe(() -> {
				throw new IllegalStateException("model refused");
			});
		}
		catch (IllegalStateException expected) {
			// rethrown to the caller
		}
		ILoggingEvent run = this.appender.list.get(0);
		assertThat(run.getLevel().toString()).isEqualTo("WARN");
		assertThat(run.getFormattedMessage()).contains("failed after").endsWith("java.lang.IllegalStateException");
		assertThat(keyValues(run)).contains(entry("error.type", "java.lang.IllegalStateException"));
	}

	@Test
	void runIdAndConversationIdAreInTheMdcDuringTheRunOnly() {
		MDC.put(AgentLogContextHandler.RUN_ID, "outer");
		try {
			String[] seen = new String[5];
			this.observations.agent("research-agent").conversationId("conv-9").observe((run) -> {
				this.observations.tool("web_search").observe(() -> {
					seen[0] = MDC.get(AgentLogContextHandler.RUN_ID);
					seen[1] = MDC.get(AgentLogContextHandler.CONVERSATION_ID);
				});
				// The tool call's scope, with the run's own ids, closed: the run's ids stay
				seen[3] = MDC.get(AgentLogContextHandler.RUN_ID);
				seen[4] = MDC.get(AgentLogContextHandler.CONVERSATION_ID);
				seen[2] = run.runId();
				return seen[2];
			});
			assertThat(seen[0]).isEqualTo(seen[2]).isEqualTo(seen[3]).isNotNull();
			assertThat(seen[1]).isEqualTo(seen[4]).isEqualTo("conv-9");
			assertThat(MDC.get(AgentLogContextHandler.RUN_ID)).isEqualTo("outer");
			assertThat(MDC.get(AgentLogContextHandler.CONVERSATION_ID)).isNull();
		}
		finally {
			MDC.clear();
		}
	}

	@Test
	void eventIsLoggedWithTheOperationsOwnSpanAndRunInTheMdc() {
		AgentLogEvents events = new AgentLogEvents();
		MDC.put("spanId", "parent-span");
		try {
			events.accept(dev.agentobs.operation.AgentOperation.agentRun("research-agent")
				.runId("run-1")
				.span("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7")
				.build());
			Map<String, String> mdc = this.appender.list.get(0).getMDCPropertyMap();
			assertThat(mdc).containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736")
				.containsEntry("spanId", "00f067aa0ba902b7")
				.containsEntry("agent.run.id", "run-1");
			assertThat(MDC.get("spanId")).isEqualTo("parent-span");
			assertThat(MDC.get("traceId")).isNull();
		}
		finally {
			MDC.clear();
		}
	}

	private static Map<String, Object> keyValues(ILoggingEvent event) {
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		List<KeyValuePair> pairs = (event.getKeyValuePairs() != null) ? event.getKeyValuePairs() : new ArrayList<>();
		for (KeyValuePair pair : pairs) {
			values.put(pair.key, pair.value);
		}
		return values;
	}

}
