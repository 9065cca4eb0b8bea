package dev.agentobs.internal.observation;

import java.util.Locale;
import java.util.Map;

/**
 * The one table from the provider names of Spring AI and LangChain4j to the
 * {@code gen_ai.provider.name} values of the GenAI semantic conventions, so that a provider has
 * one series whichever framework called it, and the same series as calls observed directly.
 * Both frameworks' names are keys of the same table: Spring AI's {@code google_genai} and
 * LangChain4j's {@code GOOGLE_GENAI}, the same Google Gen AI SDK, meet in one row.
 *
 * @since 0.1.0
 */
public final class GenAiProviderNames {

	// Keys in lower case: Spring AI's AiProvider values as they are, LangChain4j's ModelProvider
	// constants lower-cased. Names already spelled as the conventions spell them (openai,
	// anthropic, deepseek, mistral_ai, cohere, ...) need no row.
	private static final Map<String, String> SEMCONV_NAMES = Map.ofEntries(
			// Spring AI
			Map.entry("bedrock_converse", "aws.bedrock"), Map.entry("vertex_ai", "gcp.vertex_ai"),
			Map.entry("azure-openai", "azure.ai.openai"), Map.entry("azure_openai", "azure.ai.openai"),
			// LangChain4j
			Map.entry("open_ai", "openai"), Map.entry("amazon_bedrock", "aws.bedrock"),
			Map.entry("azure_open_ai", "azure.ai.openai"), Map.entry("microsoft_foundry", "azure.ai.inference"),
			Map.entry("google_ai_gemini", "gcp.gemini"), Map.entry("google_vertex_ai_gemini", "gcp.vertex_ai"),
			Map.entry("google_vertex_ai_anthropic", "gcp.vertex_ai"), Map.entry("watsonx", "ibm.watsonx.ai"),
			// Both: the Google Gen AI SDK, which reaches either the Gemini API or Vertex AI
			Map.entry("google_genai", "gcp.gen_ai"));

	private GenAiProviderNames() {
	}

	/**
	 * The {@code gen_ai.provider.name} of a framework's provider name.
	 * @param frameworkName a provider as Spring AI ({@code AiProvider.value()}) or LangChain4j
	 * ({@code ModelProvider.name()}) names it
	 * @return the conventions' well-known value, or the name in lower case when it has none
	 */
	public static String of(String frameworkName) {
		String name = frameworkName.toLowerCase(Locale.ROOT);
		return SEMCONV_NAMES.getOrDefault(name, name);
	}

}
