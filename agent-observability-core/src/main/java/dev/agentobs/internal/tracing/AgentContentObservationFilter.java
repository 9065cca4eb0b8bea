package dev.agentobs.internal.tracing;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.support.SafeText;
import dev.agentobs.observation.AgentObservationDocumentation.HighCardinalityKeyNames;
import dev.agentobs.observation.CodeExecutionContext;
import dev.agentobs.observation.ModelCallContext;
import dev.agentobs.observation.ToolCallContext;

/**
 * Puts prompts, completions, tool arguments and results, and executed code on spans, cut to a
 * maximum length. Registered only with {@code monitoring.tracing.capture-content=true}: this
 * content may hold personal data and secrets.
 *
 * @since 0.1.0
 */
public class AgentContentObservationFilter implements ObservationFilter {

	private static final String TRUNCATED = "...";

	private final int maxLength;

	/**
	 * Create the filter.
	 * @param maxLength the most characters of each content attribute
	 */
	public AgentContentObservationFilter(int maxLength) {
		checkMaxLength("maxLength", maxLength);
		this.maxLength = maxLength;
	}

	/**
	 * Check the most characters of a content attribute, for code that reads it from
	 * configuration and wants to report a bad one under its own name.
	 * @param name the name to report, such as {@code maxLength}
	 * @param maxLength the most characters of each content attribute
	 * @throws IllegalArgumentException naming {@code name}, the value and what would be right
	 */
	public static void checkMaxLength(String name, int maxLength) {
		if (maxLength < 1) {
			throw new IllegalArgumentException(
					name + " must be 1 or more characters (4000 keeps spans small), was " + maxLength);
		}
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		if (context instanceof ModelCallContext modelCall) {
			add(context, HighCardinalityKeyNames.INPUT_MESSAGES, modelCall.getPrompt());
			add(context, HighCardinalityKeyNames.OUTPUT_MESSAGES, modelCall.getCompletion());
		}
		else if (context instanceof ToolCallContext toolCall) {
			add(context, HighCardinalityKeyNames.TOOL_CALL_ARGUMENTS, toolCall.getArguments());
			add(context, HighCardinalityKeyNames.TOOL_CALL_RESULT, toolCall.getResult());
		}
		else if (context instanceof CodeExecutionContext codeExecution) {
			add(context, HighCardinalityKeyNames.CODE_SOURCE, codeExecution.getCode());
			add(context, HighCardinalityKeyNames.CODE_OUTPUT, codeExecution.getOutput());
		}
		return context;
	}

	private void add(Observation.Context context, KeyName key, @Nullable String content) {
		if (content != null) {
			context.addHighCardinalityKeyValue(key.withValue(cut(content)));
		}
	}

	/**
	 * The content cut to the maximum length, the marker of a cut included; never more than
	 * asked, and never half of a surrogate pair.
	 */
	String cut(String content) {
		return SafeText.cut(content, this.maxLength, TRUNCATED);
	}

}
