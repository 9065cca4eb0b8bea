package dev.agentobs.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * Records bad values of the properties in Spring's {@link Errors}, which Spring Boot's binder
 * turns into a failure analysis naming the key, the value and the reason. Every reason reads
 * {@code <key> must be <what would be right>, was <value>}; where the core owns a rule (a
 * price, a URL, a window), its check is run and its message reported, so that each rule lives
 * in one place.
 */
final class PropertyErrors {

	private static final String CODE = "invalid";

	private PropertyErrors() {
	}

	/**
	 * Run one of the core's checks, and record its failure against the field.
	 * @param errors the errors of the object being bound
	 * @param field the field, as its key is written (kebab-case)
	 * @param check the core's check, given the field's name to report
	 */
	static void check(Errors errors, String field, Runnable check) {
		try {
			check.run();
		}
		catch (IllegalArgumentException ex) {
			errors.rejectValue(field, CODE, ex.getMessage());
		}
	}

	/**
	 * Record a bad value when the condition does not hold.
	 * @param errors the errors of the object being bound
	 * @param valid whether the value is right
	 * @param field the field, as its key is written (kebab-case)
	 * @param value the value, for the message
	 * @param expected what would be right, such as {@code "1 or more"}
	 */
	static void check(Errors errors, boolean valid, String field, Object value, String expected) {
		if (!valid) {
			errors.rejectValue(field, CODE, field + " must be " + expected + ", was " + value);
		}
	}

	/**
	 * Run one of the core's checks, and record its failure against the field with the value
	 * given: for a secret, which the log must not show, and for a field of a nested group,
	 * whose value the binder may not have bound.
	 * @param errors the errors of the object being bound
	 * @param field the field, as its key is written (kebab-case)
	 * @param shownValue the value the failure analysis shows
	 * @param check the core's check, given the field's name to report
	 */
	static void check(Errors errors, String field, Object shownValue, Runnable check) {
		try {
			check.run();
		}
		catch (IllegalArgumentException ex) {
			reject(errors, field, shownValue, ex.getMessage());
		}
	}

	/**
	 * Record a bad value with the value given, for a field the binder may not have bound on
	 * its own, such as an element of a list bound from one comma-separated value.
	 * @param errors the errors of the object being bound
	 * @param field the field, as its key is written (kebab-case), such as
	 * {@code recipients[1]}
	 * @param shownValue the value the failure analysis shows
	 * @param message {@code <field> must be <what would be right>, was <value>}
	 */
	static void reject(Errors errors, String field, @Nullable Object shownValue, @Nullable String message) {
		if (errors instanceof BindingResult result) {
			result.addError(new FieldError(result.getObjectName(), errors.getNestedPath() + field, shownValue, false,
					result.resolveMessageCodes(CODE, field), null, message));
		}
		else {
			errors.reject(CODE, message);
		}
	}

}
