package dev.agentobs.internal.bridge.langchain4j;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

import dev.langchain4j.service.AiServiceContext;
import dev.langchain4j.service.AiServices;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * The context of an AI service LangChain4j has already built, where its listeners and tool
 * hooks live. {@link AiServices} builds a service as a JDK proxy whose invocation handler
 * keeps the builder, and the builder keeps the context; LangChain4j has no public way to
 * reach it from the service, so the two fields are read. Both LangChain4j 1.11 (the line of
 * its Spring Boot 3.5 starters) and 1.19 build services this way; for a version that does
 * not, or an object LangChain4j did not build, there is no context.
 */
final class BuiltAiServices {

	private static final @Nullable Field CONTEXT = ReflectionUtils.findField(AiServices.class, "context",
			AiServiceContext.class);

	private BuiltAiServices() {
	}

	/**
	 * The context of a built AI service.
	 * @param aiService the service
	 * @return its context, or {@code null} when it cannot be reached
	 */
	static @Nullable AiServiceContext contextOf(Object aiService) {
		Field contextField = CONTEXT;
		if (contextField == null || !Proxy.isProxyClass(aiService.getClass())) {
			return null;
		}
		try {
			InvocationHandler handler = Proxy.getInvocationHandler(aiService);
			Field builderField = builderField(handler.getClass());
			if (builderField == null) {
				return null;
			}
			ReflectionUtils.makeAccessible(builderField);
			Object builder = builderField.get(handler);
			if (builder == null) {
				return null;
			}
			ReflectionUtils.makeAccessible(contextField);
			AiServiceContext context = (AiServiceContext) contextField.get(builder);
			// The context of another service would observe the wrong one
			return (context != null && context.aiServiceClass != null
					&& context.aiServiceClass.isInstance(aiService)) ? context : null;
		}
		catch (IllegalAccessException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The context of an AI service being built.
	 * @param builder the service's builder
	 * @return its context, or {@code null} when it cannot be reached
	 */
	static @Nullable AiServiceContext contextOfBuilder(AiServices<?> builder) {
		Field contextField = CONTEXT;
		if (contextField == null) {
			return null;
		}
		try {
			ReflectionUtils.makeAccessible(contextField);
			return (AiServiceContext) contextField.get(builder);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable Field builderField(Class<?> handlerType) {
		for (Field field : handlerType.getDeclaredFields()) {
			if (AiServices.class.isAssignableFrom(field.getType())) {
				return field;
			}
		}
		return null;
	}

}
