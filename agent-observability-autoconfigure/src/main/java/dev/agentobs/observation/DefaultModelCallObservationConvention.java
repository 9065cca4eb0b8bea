package dev.agentobs.observation;

import io.micrometer.common.KeyValues;

import dev.agentobs.observation.AgentObservationDocumentation.HighCardinalityKeyNames;
import dev.agentobs.observation.AgentObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default {@link ModelCallObservationConvention}: observation
 * {@code gen_ai.client.operation}, span {@code {operation} {model}} such as
 * {@code chat gpt-4o}. Token counts are not key values: the tracing handler sets them on the
 * span as numbers.
 *
 * @since 0.1.0
 */
public class DefaultModelCallObservationConvention implements ModelCallObservationConvention {

	/** The shared instance. */
	public static final DefaultModelCallObservationConvention INSTANCE = new DefaultModelCallObservationConvention();

	@Override
	public String getName() {
		return "gen_ai.client.operation";
	}

	@Override
	public String getContextualName(ModelCallContext context) {
		return context.getOperationName() + " " + context.getRequestModel();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ModelCallContext context) {
		return AgentKeyValues.withAgentAndError(
				KeyValues.of(AgentKeyValues.operationName(context.getOperationName()),
						LowCardinalityKeyNames.PROVIDER_NAME.withValue(context.getProviderName()),
						LowCardinalityKeyNames.REQUEST_MODEL.withValue(context.getRequestModel())),
				context);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ModelCallContext context) {
		KeyValues keyValues = AgentKeyValues.runAndConversation(context);
		String responseModel = context.getResponseModel();
		return (responseModel != null)
				? keyValues.and(HighCardinalityKeyNames.RESPONSE_MODEL.withValue(responseModel)) : keyValues;
	}

}
