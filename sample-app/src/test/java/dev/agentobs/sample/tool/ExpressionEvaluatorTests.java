package dev.agentobs.sample.tool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ExpressionEvaluatorTests {

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '=',
			value = { "1 + 2 = 3", "2 + 3 * 4 = 14", "(2 + 3) * 4 = 20", "10 - 4 - 3 = 3", "7 / 2 = 3.5",
					"100 / 4 / 5 = 5", "-3 + 5 = 2", "-(2 + 3) * 2 = -10", "2 * -3 = -6", "--4 = 4", "+4 - +1 = 3",
					"0.5 * 0.2 = 0.1", ".5 + 1 = 1.5", "(1200 - 300) * 4 = 3600",
					"(4.3 - 1.6) / 1.6 * 100 = 168.75", "1 / 3 = 0.3333333333", " ( ( 42 ) ) = 42" })
	void evaluatesArithmeticWithPrecedence(String expression, String value) {
		assertThat(ExpressionEvaluator.evaluateToText(expression)).isEqualTo(value.strip());
	}

	@Test
	void evaluateGivesTheExactDouble() {
		assertThat(ExpressionEvaluator.evaluate("1 / 4")).isEqualTo(0.25);
	}

	@Test
	void divisionByZeroIsAnErrorAtTheOperator() {
		assertThatExceptionOfType(ExpressionException.class)
			.isThrownBy(() -> ExpressionEvaluator.evaluate("100 / (5 - 5)"))
			.withMessage("Division by zero at position 4")
			.satisfies((ex) -> assertThat(ex.getPosition()).isEqualTo(4));
	}

	@Test
	void unknownCharacterIsAnErrorNamingIt() {
		assertThatExceptionOfType(ExpressionException.class).isThrownBy(() -> ExpressionEvaluator.evaluate("2 ^ 3"))
			.withMessage("Unexpected '^' at position 2; only numbers, + - * / and parentheses are allowed");
	}

	@Test
	void assignmentIsNotAnExpression() {
		assertThatExceptionOfType(ExpressionException.class).isThrownBy(() -> ExpressionEvaluator.evaluate("x = 1"))
			.withMessage("Expected a number at position 0 but found 'x'");
	}

	@Test
	void unclosedParenthesisIsAnError() {
		assertThatExceptionOfType(ExpressionException.class).isThrownBy(() -> ExpressionEvaluator.evaluate("(1 + 2"))
			.withMessage("The '(' at position 0 is never closed");
	}

	@Test
	void unopenedParenthesisIsAnError() {
		assertThatExceptionOfType(ExpressionException.class).isThrownBy(() -> ExpressionEvaluator.evaluate("3 + 4)"))
			.withMessage("Unexpected ')' at position 5 has no '('");
	}

	@Test
	void missingOperandIsAnError() {
		assertThatExceptionOfType(ExpressionException.class).isThrownBy(() -> ExpressionEvaluator.evaluate("1 +"))
			.withMessage("Expected a number at position 3 but found the end");
	}

	@Test
	void secondDecimalPointIsAnError() {
		assertThatExceptionOfType(ExpressionException.class).isThrownBy(() -> ExpressionEvaluator.evaluate("1.2.3"))
			.withMessageStartingWith("Unexpected '.' at position 3");
	}

	@Test
	void blankExpressionIsAnError() {
		assertThatExceptionOfType(ExpressionException.class).isThrownBy(() -> ExpressionEvaluator.evaluate("  "))
			.withMessage("The expression is empty");
	}

	@Test
	void overLongExpressionIsRejectedBeforeParsing() {
		assertThatExceptionOfType(ExpressionException.class)
			.isThrownBy(() -> ExpressionEvaluator.evaluate("1+".repeat(600) + "1"))
			.withMessage("The expression has 1201 characters, more than 1000");
	}

	@Test
	void deepNestingIsAnErrorRatherThanAStackOverflow() {
		String nested = "(".repeat(200) + "1" + ")".repeat(200);
		assertThatExceptionOfType(ExpressionException.class).isThrownBy(() -> ExpressionEvaluator.evaluate(nested))
			.withMessageStartingWith("The expression nests deeper than 100 levels");
	}

	@Test
	void infiniteResultIsAnError() {
		String huge = "9".repeat(300);
		assertThatExceptionOfType(ExpressionException.class)
			.isThrownBy(() -> ExpressionEvaluator.evaluate(huge + " * " + huge))
			.withMessage("The result is too large to be a number");
	}

	@Test
	void calculatorToolEvaluatesAsTheEvaluatorDoes() {
		assertThat(new CalculatorTool().calculate("19.99 * 3 + 4.5")).isEqualTo("64.47");
	}

}
