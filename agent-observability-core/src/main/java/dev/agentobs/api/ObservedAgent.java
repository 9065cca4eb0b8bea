package dev.agentobs.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Observes each call of a Spring bean's method as an agent run. Needs AspectJ on the class
 * path ({@code spring-boot-starter-aspectj}). The method runs synchronously: a returned future
 * is not waited for.
 *
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ObservedAgent {

	/**
	 * The agent's name; the method's name when empty.
	 * @return the agent name
	 */
	String value() default "";

}
