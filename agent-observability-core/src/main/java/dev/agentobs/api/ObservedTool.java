package dev.agentobs.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Observes each call of a Spring bean's method as a tool call. Needs AspectJ on the class path
 * ({@code spring-boot-starter-aspectj}).
 *
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ObservedTool {

	/**
	 * The tool's name; the method's name when empty.
	 * @return the tool name
	 */
	String value() default "";

	/**
	 * The tool's type.
	 * @return {@code function}, {@code extension} or {@code datastore}
	 */
	String type() default "function";

}
