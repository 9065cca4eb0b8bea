package dev.agentobs.internal.alert;

/**
 * Writes a payload as JSON text. Payloads are plain values: maps with string keys, lists,
 * strings, numbers, booleans and {@code null}. The core builds them and leaves the writing to
 * the JSON library the application already has, so that it works the same under Jackson 2 and
 * Jackson 3.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface JsonEncoder {

	/**
	 * Write a payload as JSON.
	 * @param payload maps, lists, strings, numbers, booleans and {@code null}
	 * @return the JSON text
	 */
	String encode(Object payload);

}
