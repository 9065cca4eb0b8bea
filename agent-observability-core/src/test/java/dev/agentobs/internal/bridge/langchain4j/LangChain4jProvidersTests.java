package dev.agentobs.internal.bridge.langchain4j;

import dev.langchain4j.model.ModelProvider;
import org.junit.jupiter.api.Test;

import org.springframework.ai.observation.conventions.AiProvider;

import dev.agentobs.internal.observation.GenAiProviderNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LangChain4jProviders}: LangChain4j's providers get the same
 * {@code gen_ai.provider.name} as Spring AI's, so that one provider makes one series.
 */
class LangChain4jProvidersTests {

	@Test
	void theGoogleGenAiSdkIsOneProviderWhicheverFrameworkCallsIt() {
		// The Spring AI bridge names a call's provider GenAiProviderNames.of(provider value)
		String springAi = GenAiProviderNames.of(AiProvider.GOOGLE_GENAI_AI.value());
		assertThat(LangChain4jProviders.semconvName(ModelProvider.GOOGLE_GENAI)).isEqualTo(springAi)
			.isEqualTo("gcp.gen_ai");
	}

	@Test
	void providersBothFrameworksKnowShareTheirConventionsName() {
		assertThat(LangChain4jProviders.semconvName(ModelProvider.GOOGLE_VERTEX_AI_GEMINI))
			.isEqualTo(GenAiProviderNames.of(AiProvider.VERTEX_AI.value()))
			.isEqualTo("gcp.vertex_ai");
		assertThat(LangChain4jProviders.semconvName(ModelProvider.AMAZON_BEDROCK))
			.isEqualTo(GenAiProviderNames.of(AiProvider.BEDROCK_CONVERSE.value()))
			.isEqualTo("aws.bedrock");
		assertThat(LangChain4jProviders.semconvName(ModelProvider.OPEN_AI))
			.isEqualTo(GenAiProviderNames.of(AiProvider.OPENAI.value()))
			.isEqualTo("openai");
		assertThat(LangChain4jProviders.semconvName(ModelProvider.MISTRAL_AI))
			.isEqualTo(GenAiProviderNames.of(AiProvider.MISTRAL_AI.value()))
			.isEqualTo("mistral_ai");
		assertThat(LangChain4jProviders.semconvName(ModelProvider.ANTHROPIC))
			.isEqualTo(GenAiProviderNames.of(AiProvider.ANTHROPIC.value()))
			.isEqualTo("anthropic");
	}

	@Test
	void providersOnlyLangChain4jKnowsGetTheConventionsNames() {
		assertThat(LangChain4jProviders.semconvName(ModelProvider.GOOGLE_AI_GEMINI)).isEqualTo("gcp.gemini");
		assertThat(LangChain4jProviders.semconvName(ModelProvider.AZURE_OPEN_AI)).isEqualTo("azure.ai.openai");
		assertThat(LangChain4jProviders.semconvName(ModelProvider.MICROSOFT_FOUNDRY))
			.isEqualTo("azure.ai.inference");
		assertThat(LangChain4jProviders.semconvName(ModelProvider.WATSONX)).isEqualTo("ibm.watsonx.ai");
		assertThat(LangChain4jProviders.semconvName(ModelProvider.OLLAMA)).isEqualTo("ollama");
		assertThat(LangChain4jProviders.semconvName(null)).isEqualTo("unknown");
	}

}
