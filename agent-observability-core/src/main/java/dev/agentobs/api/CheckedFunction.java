package dev.agentobs.api;

/**
 * A function that may throw a checked exception, for observed work such as an HTTP call to a
 * model provider.
 *
 * @param <H> the handle of the observed operation
 * @param <T> the result
 * @param <E> the exception
 * @since 0.1.0
 */
@FunctionalInterface
public interface CheckedFunction<H, T, E extends Throwable> {

	/**
	 * Do the work.
	 * @param handle the operation's handle, to report tokens or results
	 * @return the result
	 * @throws E when the work fails
	 */
	T apply(H handle) throws E;

}
