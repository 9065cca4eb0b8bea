package dev.agentobs.observation;

import io.micrometer.common.KeyValues;

import dev.agentobs.internal.support.NameCombinationCache;
import dev.agentobs.observation.AgentObservationDocumentation.HighCardinalityKeyNames;
import dev.agentobs.observation.AgentObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default {@link ModelCallObservationConvention}: observation
 * {@code gen_ai.client.operation}, span {@code {operation} {model}} such as
 * {@code chat gpt-4o}. Token counts are not key values: the tracing handler sets them on the
 * span as numbers. Key values and span names are made once per combination of names and then
 * reused.
 *
 * @since 0.1.0
 */
public class DefaultModelCallObservationConvention implements ModelCallObservationConvention {

	/** The shared instance. */
	public static final DefaultModelCallObservationConvention INSTANCE = new DefaultModelCallObservationConvention();

	private final NameCombinationCache<String> contextualNames = new NameCombinationCache<>();

	private final NameCombinationCache<KeyValues> lowCardinalityKeyValues = new NameCombinationCache<>();

	private final NameCombinationCache<KeyValues> highCardinalityKeyValues = new NameCombinationCache<>();

	@Override
	public String getName() {
		return "gen_ai.client.operation";
	}

	@Override
	public String getContextualName(ModelCallContext context) {
		return this.contextualNames.get(context.getOperationName(), context.getRequestModel(), null, null, null,
				context, DefaultModelCallObservationConvention::contextualName);
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ModelCallContext context) {
		return this.lowCardinalityKeyValues.get(context.getOperationName(), context.getProviderName(),
				context.getRequestModel(), context.getAgentName(), context.getErrorType(), context,
				DefaultModelCallObservationConvention::lowCardinalityKeyValues);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ModelCallContext context) {
		return this.highCardinalityKeyValues.get(context.getRunId(), context.getConversationId(),
				context.getResponseModel(), null, null, context,
				DefaultModelCallObservationConvention::highCardinalityKeyValues);
	}

	private static String contextualName(ModelCallContext context) {
		return context.getOperationName() + " " + context.getRequestModel();
	}

	private static KeyValues lowCardinalityKeyValues(ModelCallContext context) {
		return AgentKeyValues.withAgentAndError(
				KeyValues.of(AgentKeyValues.operationName(context.getOperationName()),
						LowCardinalityKeyNames.PROVIDER_NAME.withValue(context.getProviderName()),
						LowCardinalityKeyNames.REQUEST_MODEL.withValue(context.getRequestModel())),
				context);
	}

	private static KeyValues highCardinalityKeyValues(ModelCallContext context) {
		KeyValues keyValues = AgentKeyValues.runAndConversation(context);
		String responseModel = context.getResponseModel();
		return (responseModel != null)
				? keyValues.and(HighCardinalityKeyNames.RESPONSE_MODEL.withValue(responseModel)) : keyValues;
	}

}
