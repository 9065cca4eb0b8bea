package dev.agentobs.event;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.agentobs.operation.AgentOperation;

/**
 * A finished agent operation as subscribers see it.
 *
 * @param name the event name: {@code agent.run}, {@code agent.step}, {@code model.generate},
 * {@code tool.call} or {@code executor.execute}
 * @param duration how long the operation took
 * @param error the error's type (the exception's class name), {@code null} on success
 * @param attributes what else is known, keyed by GenAI attribute name
 * ({@code gen_ai.request.model}, {@code gen_ai.tool.name}, {@code gen_ai.usage.input_tokens},
 * ...); values are strings, and numbers for token counts and step numbers; immutable, in a
 * fixed order
 * @param operation the full operation the event was made from
 * @since 0.1.0
 */
public record AgentEvent(String name, Duration duration, @Nullable String error, Map<String, Object> attributes,
		AgentOperation operation) {

	/**
	 * The event of a finished operation. Its attributes are read from the operation when first
	 * used, so that an event costs the agent little whatever listeners read.
	 * @param operation the operation
	 * @return the event
	 */
	public static AgentEvent of(AgentOperation operation) {
		return new AgentEvent(operation.kind().eventName(), operation.duration(), operation.errorType(),
				new OperationAttributes(operation), operation);
	}

}
