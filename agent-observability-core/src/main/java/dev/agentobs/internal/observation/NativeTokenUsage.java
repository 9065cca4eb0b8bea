package dev.agentobs.internal.observation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The token kinds a provider's own usage object counts and a framework's usage does not map:
 * cache reads, cache writes and reasoning tokens, read by the accessor names the providers'
 * clients use, so that neither bridge compiles against any provider's client. OpenAI's
 * {@code prompt_tokens_details.cached_tokens} and {@code completion_tokens_details.reasoning_tokens}
 * (Spring AI's {@code promptTokensDetails()} / {@code completionTokenDetails()}, the OpenAI Java
 * SDK's {@code promptTokensDetails()} / {@code completionTokensDetails()}, LangChain4j's
 * {@code inputTokensDetails()} / {@code outputTokensDetails()}), and Anthropic's
 * {@code cache_read_input_tokens} / {@code cache_creation_input_tokens}. Accessors are looked up
 * once per class; a value that is missing, negative or not a number counts 0.
 *
 * <p>
 * OpenAI counts cache reads within its input tokens; Anthropic counts them, and cache writes,
 * apart: its {@code input_tokens} are the tokens neither read from nor written to the cache, and
 * the frameworks pass that count on as the input tokens. {@link #cacheOutsideInput()} says which
 * way a usage object counts, so that a bridge can report the input tokens the conventions ask
 * for, cache tokens included ({@link #inputTokens(long, long, long)}).
 *
 * @param cacheRead input tokens read from the prompt cache
 * @param cacheWrite input tokens written to the prompt cache
 * @param reasoning output tokens spent reasoning
 * @param cacheOutsideInput whether the provider counts cache tokens apart from its input tokens,
 * as Anthropic does
 * @since 0.1.0
 */
public record NativeTokenUsage(long cacheRead, long cacheWrite, long reasoning, boolean cacheOutsideInput) {

	/** Nothing counted. */
	public static final NativeTokenUsage NONE = new NativeTokenUsage(0, 0, 0, false);

	// The accessor only usage objects shaped as Anthropic's have: their input tokens leave the cache out
	private static final String ANTHROPIC_CACHE_WRITE = "cacheCreationInputTokens";

	// Each path as its accessors' names, split once
	private static final String[][] CACHE_READ = paths("cacheReadInputTokens", "promptTokensDetails.cachedTokens",
			"inputTokensDetails.cachedTokens");

	private static final String[][] CACHE_WRITE = paths(ANTHROPIC_CACHE_WRITE);

	private static final String[][] REASONING = paths("completionTokenDetails.reasoningTokens",
			"completionTokensDetails.reasoningTokens", "outputTokensDetails.reasoningTokens", "reasoningTokens");

	private static final ClassValue<Map<String, Method>> accessors = new ClassValue<>() {
		@Override
		protected Map<String, Method> computeValue(Class<?> type) {
			return publicNoArgMethods(type);
		}
	};

	/**
	 * Read the kinds a provider's usage object counts.
	 * @param usage the provider's usage, or {@code null}
	 * @return the counts, {@link #NONE} when there are none
	 */
	public static NativeTokenUsage of(@Nullable Object usage) {
		if (usage == null) {
			return NONE;
		}
		long cacheRead = first(usage, CACHE_READ);
		long cacheWrite = first(usage, CACHE_WRITE);
		long reasoning = first(usage, REASONING);
		return (cacheRead == 0 && cacheWrite == 0 && reasoning == 0) ? NONE
				: new NativeTokenUsage(cacheRead, cacheWrite, reasoning, hasAccessor(usage, ANTHROPIC_CACHE_WRITE));
	}

	/**
	 * The input tokens of a call as the GenAI conventions count them, cache reads and writes
	 * included, from the count a framework reported.
	 * @param reported the input tokens the framework reported
	 * @param cacheRead the cache reads counted for the call
	 * @param cacheWrite the cache writes counted for the call
	 * @return {@code reported}, plus the cache tokens when this usage counts them apart
	 */
	public long inputTokens(long reported, long cacheRead, long cacheWrite) {
		return this.cacheOutsideInput ? reported + cacheRead + cacheWrite : reported;
	}

	private static boolean hasAccessor(Object usage, String name) {
		return accessors.get(usage.getClass()).containsKey(name);
	}

	private static String[][] paths(String... paths) {
		return Arrays.stream(paths).map((path) -> path.split("\\.")).toArray(String[][]::new);
	}

	private static long first(Object usage, String[][] paths) {
		for (String[] path : paths) {
			long count = read(usage, path);
			if (count > 0) {
				return count;
			}
		}
		return 0;
	}

	private static long read(Object usage, String[] path) {
		Object value = usage;
		for (int i = 0; i < path.length && value != null; i++) {
			value = unwrap(call(value, path[i]));
		}
		return (value instanceof Number number && number.longValue() > 0) ? number.longValue() : 0;
	}

	private static @Nullable Object call(Object target, String name) {
		Method method = accessors.get(target.getClass()).get(name);
		if (method == null) {
			return null;
		}
		try {
			return method.invoke(target);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable Object unwrap(@Nullable Object value) {
		return (value instanceof Optional<?> optional) ? optional.orElse(null) : value;
	}

	private static Map<String, Method> publicNoArgMethods(Class<?> type) {
		// Methods of a public type: a private implementation class's own methods cannot be called
		Class<?> accessible = type;
		while (accessible != null && !Modifier.isPublic(accessible.getModifiers())) {
			accessible = accessible.getSuperclass();
		}
		if (accessible == null) {
			return Map.of();
		}
		Map<String, Method> byName = new HashMap<>();
		for (Method method : accessible.getMethods()) {
			if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers()) && !method.isBridge()) {
				byName.putIfAbsent(method.getName(), method);
			}
		}
		return Map.copyOf(byName);
	}

}
