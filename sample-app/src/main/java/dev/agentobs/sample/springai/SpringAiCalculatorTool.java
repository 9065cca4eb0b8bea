package dev.agentobs.sample.springai;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import dev.agentobs.sample.SampleProfiles;
import dev.agentobs.sample.tool.ExpressionEvaluator;
import dev.agentobs.sample.tool.ToolNames;

/**
 * The calculator as a Spring AI tool: the {@code calculator} series of
 * {@code gen_ai_execute_tool_duration_seconds} with no observation code. An expression that
 * cannot be evaluated throws; Spring AI then tells the model the error.
 *
 * @since 0.1.0
 */
@Component
@Profile(SampleProfiles.SPRING_AI)
public class SpringAiCalculatorTool {

	/**
	 * Evaluate an arithmetic expression.
	 * @param expression the expression, such as {@code (1200 - 300) * 4}
	 * @return the value, such as {@code 3600}
	 */
	@Tool(name = ToolNames.CALCULATOR, description = "Evaluate an arithmetic expression with + - * / and parentheses")
	public String calculate(@ToolParam(description = "The expression, such as: (1200 - 300) * 4") String expression) {
		return ExpressionEvaluator.evaluateToText(expression);
	}

}
