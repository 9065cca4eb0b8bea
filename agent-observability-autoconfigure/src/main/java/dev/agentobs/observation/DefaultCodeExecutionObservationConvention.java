package dev.agentobs.observation;

import io.micrometer.common.KeyValues;

import dev.agentobs.observation.AgentObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default {@link CodeExecutionObservationConvention}: observation
 * {@code agent.code.execution}, span {@code execute_code {language}}.
 *
 * @since 0.1.0
 */
public class DefaultCodeExecutionObservationConvention implements CodeExecutionObservationConvention {

	/** The shared instance. */
	public static final DefaultCodeExecutionObservationConvention INSTANCE = new DefaultCodeExecutionObservationConvention();

	@Override
	public String getName() {
		return "agent.code.execution";
	}

	@Override
	public String getContextualName(CodeExecutionContext context) {
		return "execute_code " + context.getLanguage();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CodeExecutionContext context) {
		return AgentKeyValues.withAgentAndError(
				KeyValues.of(LowCardinalityKeyNames.CODE_LANGUAGE.withValue(context.getLanguage())), context);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(CodeExecutionContext context) {
		return AgentKeyValues.runAndConversation(context);
	}

}
