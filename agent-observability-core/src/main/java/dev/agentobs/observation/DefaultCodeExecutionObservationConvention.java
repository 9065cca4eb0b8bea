package dev.agentobs.observation;

import io.micrometer.common.KeyValues;

import dev.agentobs.internal.support.NameCombinationCache;
import dev.agentobs.observation.AgentObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default {@link CodeExecutionObservationConvention}: observation
 * {@code agent.code.execution}, span {@code execute_code {language}}. Key values and span
 * names are made once per combination of names and then reused.
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

	private final NameCombinationCache<String> contextualNames = new NameCombinationCache<>();

	private final NameCombinationCache<KeyValues> lowCardinalityKeyValues = new NameCombinationCache<>();

	private final NameCombinationCache<KeyValues> highCardinalityKeyValues = new NameCombinationCache<>();

	@Override
	public String getContextualName(CodeExecutionContext context) {
		return this.contextualNames.get(context.getLanguage(), null, null, null, null, context,
				DefaultCodeExecutionObservationConvention::contextualName);
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CodeExecutionContext context) {
		return this.lowCardinalityKeyValues.get(context.getLanguage(), context.getAgentName(), context.getErrorType(),
				null, null, context, DefaultCodeExecutionObservationConvention::lowCardinalityKeyValues);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(CodeExecutionContext context) {
		return this.highCardinalityKeyValues.get(context.getRunId(), context.getConversationId(), null, null, null,
				context, AgentKeyValues::runAndConversation);
	}

	private static String contextualName(CodeExecutionContext context) {
		return "execute_code " + context.getLanguage();
	}

	private static KeyValues lowCardinalityKeyValues(CodeExecutionContext context) {
		return AgentKeyValues.withAgentAndError(
				KeyValues.of(LowCardinalityKeyNames.CODE_LANGUAGE.withValue(context.getLanguage())), context);
	}

}
