package dev.agentobs.sample.tool;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.DoubleSupplier;

/**
 * Evaluates arithmetic expressions: decimal numbers, {@code + - * /}, parentheses and unary
 * minus, with the usual precedence, as Python would ({@code 7 / 2} is {@code 3.5}). It is what
 * the calculator tool and the agent's code execution run: small and real, so that a model's
 * mistake surfaces as an error in the traces and metrics.
 *
 * <pre>
 * expression = term { ("+" | "-") term }
 * term       = unary { ("*" | "/") unary }
 * unary      = ("-" | "+") unary | primary
 * primary    = number | "(" expression ")"
 * </pre>
 *
 * @since 0.1.0
 */
public final class ExpressionEvaluator {

	/** The longest expression accepted, in characters. */
	public static final int MAX_LENGTH = 1000;

	/** How deeply parentheses and signs may nest. */
	static final int MAX_DEPTH = 100;

	private static final MathContext PRECISION = new MathContext(10);

	private ExpressionEvaluator() {
	}

	/**
	 * Evaluate an expression.
	 * @param expression the expression, such as {@code (1200 - 300) * 4}
	 * @return its value
	 * @throws ExpressionException when the expression is not valid or has no finite value
	 */
	public static double evaluate(String expression) {
		if (expression == null || expression.isBlank()) {
			throw new ExpressionException("The expression is empty", -1);
		}
		if (expression.length() > MAX_LENGTH) {
			throw new ExpressionException(
					"The expression has " + expression.length() + " characters, more than " + MAX_LENGTH, -1);
		}
		return new Parser(expression).parse();
	}

	/**
	 * Evaluate an expression and write the value as a person would: whole numbers without a
	 * decimal point, others to ten significant digits.
	 * @param expression the expression
	 * @return its value as text, such as {@code 3600} or {@code 168.75}
	 * @throws ExpressionException when the expression is not valid or has no finite value
	 */
	public static String evaluateToText(String expression) {
		return format(evaluate(expression));
	}

	static String format(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return BigDecimal.valueOf(value).round(PRECISION).stripTrailingZeros().toPlainString();
	}

	private static final class Parser {

		private final String text;

		private int position;

		private int depth;

		Parser(String text) {
			this.text = text;
		}

		double parse() {
			double value = expression();
			skipSpaces();
			if (this.position < this.text.length()) {
				char found = this.text.charAt(this.position);
				String message = (found == ')') ? "Unexpected ')' at position " + this.position + " has no '('"
						: "Unexpected '" + found + "' at position " + this.position
								+ "; only numbers, + - * / and parentheses are allowed";
				throw new ExpressionException(message, this.position);
			}
			if (!Double.isFinite(value)) {
				throw new ExpressionException("The result is too large to be a number", -1);
			}
			return value;
		}

		private double expression() {
			double value = term();
			while (true) {
				if (take('+')) {
					value += term();
				}
				else if (take('-')) {
					value -= term();
				}
				else {
					return value;
				}
			}
		}

		private double term() {
			double value = unary();
			while (true) {
				if (take('*')) {
					value *= unary();
				}
				else if (peek('/')) {
					int operator = this.position;
					this.position++;
					double divisor = unary();
					if (divisor == 0) {
						throw new ExpressionException("Division by zero at position " + operator, operator);
					}
					value /= divisor;
				}
				else {
					return value;
				}
			}
		}

		private double unary() {
			if (take('-')) {
				return -nested(this::unary);
			}
			if (take('+')) {
				return nested(this::unary);
			}
			return primary();
		}

		private double primary() {
			skipSpaces();
			int start = this.position;
			if (take('(')) {
				double value = nested(this::expression);
				if (!take(')')) {
					throw new ExpressionException("The '(' at position " + start + " is never closed", start);
				}
				return value;
			}
			return number();
		}

		private double number() {
			int start = this.position;
			int digits = 0;
			boolean point = false;
			while (this.position < this.text.length()) {
				char c = this.text.charAt(this.position);
				if (c >= '0' && c <= '9') {
					digits++;
				}
				else if (c == '.' && !point) {
					point = true;
				}
				else {
					break;
				}
				this.position++;
			}
			if (digits == 0) {
				this.position = start;
				String found = (start < this.text.length()) ? "'" + this.text.charAt(start) + "'" : "the end";
				throw new ExpressionException("Expected a number at position " + start + " but found " + found, start);
			}
			return Double.parseDouble(this.text.substring(start, this.position));
		}

		private double nested(DoubleSupplier inner) {
			if (++this.depth > MAX_DEPTH) {
				throw new ExpressionException("The expression nests deeper than " + MAX_DEPTH + " levels",
						this.position);
			}
			double value = inner.getAsDouble();
			this.depth--;
			return value;
		}

		private boolean take(char expected) {
			if (peek(expected)) {
				this.position++;
				return true;
			}
			return false;
		}

		private boolean peek(char expected) {
			skipSpaces();
			return this.position < this.text.length() && this.text.charAt(this.position) == expected;
		}

		private void skipSpaces() {
			while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
				this.position++;
			}
		}

	}

}
