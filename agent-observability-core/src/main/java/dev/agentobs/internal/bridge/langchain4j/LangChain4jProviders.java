package dev.agentobs.internal.bridge.langchain4j;

import java.util.EnumMap;
import java.util.Map;

import dev.langchain4j.model.ModelProvider;
import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.observation.GenAiProviderNames;

/**
 * LangChain4j's model providers as the GenAI semantic conventions name them, read once per
 * provider from {@link GenAiProviderNames} so that a model call does not lower-case a name.
 */
final class LangChain4jProviders {

	private static final Map<ModelProvider, String> SEMCONV_NAMES = new EnumMap<>(ModelProvider.class);

	static {
		for (ModelProvider provider : ModelProvider.values()) {
			SEMCONV_NAMES.put(provider, GenAiProviderNames.of(provider.name()));
		}
	}

	private LangChain4jProviders() {
	}

	static String semconvName(@Nullable ModelProvider provider) {
		return (provider != null) ? SEMCONV_NAMES.get(provider) : "unknown";
	}

}
