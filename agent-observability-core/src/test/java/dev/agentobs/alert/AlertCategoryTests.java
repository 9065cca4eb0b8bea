package dev.agentobs.alert;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The event names of {@code events}, as this starter and other frameworks' configuration write
 * them.
 */
class AlertCategoryTests {

	@ParameterizedTest
	@CsvSource({ "error, ERROR", "performance_degradation, PERFORMANCE_DEGRADATION",
			"performance-degradation, PERFORMANCE_DEGRADATION", "performance, PERFORMANCE_DEGRADATION",
			"Performance, PERFORMANCE_DEGRADATION", "BUDGET, BUDGET" })
	void eventNameInAnyCaseOrSpellingIsItsCategory(String name, AlertCategory category) {
		assertThat(AlertCategory.ofEventName(name)).isEqualTo(category);
	}

	@ParameterizedTest
	@ValueSource(strings = { "latency", "perf", "" })
	void unknownEventNameIsRefusedNamingTheKnownOnes(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> AlertCategory.ofEventName(name))
			.withMessage("event must be one of error, performance_degradation (or performance), budget, was " + name);
	}

}
