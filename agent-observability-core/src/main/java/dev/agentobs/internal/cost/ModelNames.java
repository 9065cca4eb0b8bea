package dev.agentobs.internal.cost;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The spellings of a model name that the catalogue may know it by: without the date of a
 * version, and with the provider prefix LiteLLM's table gives models of some providers.
 *
 * @since 0.1.0
 */
final class ModelNames {

	// gpt-4o-2024-08-06, claude-sonnet-4-20250514, claude-sonnet-4@20250514 (Vertex AI)
	private static final Pattern DATE_SUFFIX = Pattern.compile("(.+?)[-@](\\d{4})-?(\\d{2})-?(\\d{2})");

	// gen_ai.provider.name values to the prefixes of their models' names in LiteLLM's table
	private static final Map<String, List<String>> PREFIXES = Map.ofEntries(
			Map.entry("anthropic", List.of("anthropic/")), Map.entry("gcp.gemini", List.of("gemini/")),
			Map.entry("gcp.vertex_ai", List.of("vertex_ai/")),
			Map.entry("gcp.gen_ai", List.of("gemini/", "vertex_ai/")), Map.entry("aws.bedrock", List.of("bedrock/")),
			Map.entry("azure.ai.openai", List.of("azure/")), Map.entry("azure.ai.inference", List.of("azure_ai/")),
			Map.entry("mistral_ai", List.of("mistral/")), Map.entry("deepseek", List.of("deepseek/")),
			Map.entry("x_ai", List.of("xai/")), Map.entry("groq", List.of("groq/")),
			Map.entry("cohere", List.of("cohere_chat/", "cohere/")));

	// Every prefix, in the order tried after the call's own provider's: a model is often called
	// through another provider's API (DeepSeek or Grok through an OpenAI client)
	private static final List<String> ALL_PREFIXES = List.of("anthropic/", "gemini/", "vertex_ai/", "bedrock/",
			"azure/", "azure_ai/", "mistral/", "deepseek/", "xai/", "groq/", "cohere_chat/", "cohere/");

	private ModelNames() {
	}

	/**
	 * A name without the date of its version: {@code gpt-4o-2024-08-06} is {@code gpt-4o},
	 * {@code claude-sonnet-4-20250514} and {@code claude-sonnet-4@20250514} are
	 * {@code claude-sonnet-4}.
	 * @param name a model name
	 * @return the name without its date, or the name itself when it ends in none
	 */
	static String withoutDate(String name) {
		Matcher matcher = DATE_SUFFIX.matcher(name);
		return matcher.matches() ? matcher.group(1) : name;
	}

	/**
	 * The date a name ends in, as eight digits.
	 * @param name a model name
	 * @return the date as {@code yyyyMMdd}, or {@code null} when it ends in none
	 */
	static @Nullable String date(String name) {
		Matcher matcher = DATE_SUFFIX.matcher(name);
		return matcher.matches() ? matcher.group(2) + matcher.group(3) + matcher.group(4) : null;
	}

	/**
	 * The prefixes to try for a provider's models: its own first, then every other one.
	 * @param provider the {@code gen_ai.provider.name}, or empty when not known
	 * @return the prefixes, without the empty one
	 */
	static List<String> prefixes(String provider) {
		Set<String> prefixes = new LinkedHashSet<>(PREFIXES.getOrDefault(provider, List.of()));
		prefixes.addAll(ALL_PREFIXES);
		return new ArrayList<>(prefixes);
	}

}
