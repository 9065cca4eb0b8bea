package dev.agentobs.sample.tool;

/**
 * An arithmetic expression that cannot be evaluated: bad syntax, a division by zero, a result
 * too large to be a number.
 *
 * @since 0.1.0
 */
public class ExpressionException extends IllegalArgumentException {

	private final int position;

	/**
	 * Create the exception.
	 * @param message what is wrong, for a person or a model to fix the expression
	 * @param position the index of the character where the problem is, {@code -1} for the
	 * expression as a whole
	 */
	public ExpressionException(String message, int position) {
		super(message);
		this.position = position;
	}

	/**
	 * Where in the expression the problem is.
	 * @return the index of the offending character, {@code -1} for the expression as a whole
	 */
	public int getPosition() {
		return this.position;
	}

}
