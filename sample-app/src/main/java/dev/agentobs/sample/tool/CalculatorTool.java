package dev.agentobs.sample.tool;

import org.springframework.stereotype.Component;

import dev.agentobs.api.ObservedTool;

/**
 * The calculator tool. {@link ObservedTool} observes each call as a tool call, with no code
 * here: the span {@code execute_tool calculator} and the {@code calculator} series of
 * {@code gen_ai_execute_tool_duration_seconds}.
 *
 * @since 0.1.0
 */
@Component
public class CalculatorTool {

	/**
	 * Evaluate an arithmetic expression.
	 * @param expression the expression, such as {@code (1200 - 300) * 4}
	 * @return the value, such as {@code 3600}
	 * @throws ExpressionException when the expression cannot be evaluated; the tool call is
	 * then recorded as failed
	 */
	@ObservedTool(ToolNames.CALCULATOR)
	public String calculate(String expression) {
		return ExpressionEvaluator.evaluateToText(expression);
	}

}
