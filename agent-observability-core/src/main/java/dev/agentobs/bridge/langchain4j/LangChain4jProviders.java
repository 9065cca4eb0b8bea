package dev.agentobs.bridge.langchain4j;

import java.util.Locale;

import dev.langchain4j.model.ModelProvider;
import org.jspecify.annotations.Nullable;

/**
 * LangChain4j's model providers as the GenAI semantic conventions name them
 * ({@code gen_ai.provider.name}), so that bridged calls and calls observed directly share one
 * series per provider.
 */
final class LangChain4jProviders {

	private LangChain4jProviders() {
	}

	@SuppressWarnings("deprecation")
	static String semconvName(@Nullable ModelProvider provider) {
		if (provider == null) {
			return "unknown";
		}
		return switch (provider) {
			case OPEN_AI -> "openai";
			case ANTHROPIC -> "anthropic";
			case AMAZON_BEDROCK -> "aws.bedrock";
			case AZURE_OPEN_AI -> "azure.ai.openai";
			case MICROSOFT_FOUNDRY -> "azure.ai.inference";
			case GOOGLE_AI_GEMINI, GOOGLE_GENAI -> "gcp.gemini";
			case GOOGLE_VERTEX_AI_GEMINI, GOOGLE_VERTEX_AI_ANTHROPIC -> "gcp.vertex_ai";
			case MISTRAL_AI -> "mistral_ai";
			case WATSONX -> "ibm.watsonx.ai";
			case COHERE -> "cohere";
			default -> provider.name().toLowerCase(Locale.ROOT);
		};
	}

}
