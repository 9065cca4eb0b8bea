package dev.agentobs.internal.aop;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.api.ObservedAgent;
import dev.agentobs.api.ObservedTool;

/**
 * Observes methods annotated with {@link ObservedAgent} and {@link ObservedTool}.
 *
 * @since 0.1.0
 */
@Aspect
public class AgentObservationAspect {

	private final AgentObservations observations;

	public AgentObservationAspect(AgentObservations observations) {
		this.observations = observations;
	}

	/**
	 * Observe an agent run around the annotated method.
	 * @param joinPoint the call
	 * @param observedAgent the annotation
	 * @return the method's result
	 * @throws Throwable what the method throws
	 */
	@Around("@annotation(observedAgent)")
	public Object observeAgent(ProceedingJoinPoint joinPoint, ObservedAgent observedAgent) throws Throwable {
		return this.observations.agent(nameOf(observedAgent.value(), joinPoint))
			.observeChecked((run) -> joinPoint.proceed());
	}

	/**
	 * Observe a tool call around the annotated method.
	 * @param joinPoint the call
	 * @param observedTool the annotation
	 * @return the method's result
	 * @throws Throwable what the method throws
	 */
	@Around("@annotation(observedTool)")
	public Object observeTool(ProceedingJoinPoint joinPoint, ObservedTool observedTool) throws Throwable {
		return this.observations.tool(nameOf(observedTool.value(), joinPoint))
			.type(observedTool.type())
			.observeChecked((call) -> joinPoint.proceed());
	}

	private static String nameOf(String value, ProceedingJoinPoint joinPoint) {
		return value.isEmpty() ? joinPoint.getSignature().getName() : value;
	}

}
