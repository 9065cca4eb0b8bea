package dev.agentobs.bridge.springai;

/**
 * Spring AI's provider names as the GenAI semantic conventions spell them
 * ({@code gen_ai.provider.name}), so that bridged calls and calls observed directly share
 * one series per provider.
 */
final class SpringAiProviders {

	private SpringAiProviders() {
	}

	static String semconvName(String provider) {
		return switch (provider) {
			case "bedrock_converse" -> "aws.bedrock";
			case "google_genai" -> "gcp.gen_ai";
			case "vertex_ai" -> "gcp.vertex_ai";
			case "azure-openai", "azure_openai" -> "azure.ai.openai";
			default -> provider;
		};
	}

}
