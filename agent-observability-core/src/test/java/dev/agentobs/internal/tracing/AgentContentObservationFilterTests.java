package dev.agentobs.internal.tracing;

import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;

import dev.agentobs.observation.ToolCallContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentContentObservationFilter}.
 */
class AgentContentObservationFilterTests {

	@Test
	void contentIsCutToTheLengthAskedTheMarkerIncluded() {
		assertThat(new AgentContentObservationFilter(10).cut("0123456789abc")).isEqualTo("0123456...");
		assertThat(new AgentContentObservationFilter(10).cut("0123456789")).isEqualTo("0123456789");
	}

	@Test
	void lengthsBelowTheMarkerReturnAtMostWhatIsAsked() {
		for (int maxLength = 1; maxLength <= 3; maxLength++) {
			assertThat(new AgentContentObservationFilter(maxLength).cut("abcdef")).hasSize(maxLength)
				.isEqualTo("abcdef".substring(0, maxLength));
		}
	}

	@Test
	void aCutNeverSplitsASurrogatePair() {
		String emojis = "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00";
		for (int maxLength = 1; maxLength <= 8; maxLength++) {
			String cut = new AgentContentObservationFilter(maxLength).cut("ab" + emojis + "cd");
			assertThat(cut.length()).isLessThanOrEqualTo(maxLength);
			assertThat(cut.codePoints().filter((c) -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE).count()).as(cut).isZero();
		}
		assertThat(new AgentContentObservationFilter(3).cut("a" + emojis)).isEqualTo("a\uD83D\uDE00");
		assertThat(new AgentContentObservationFilter(2).cut("a" + emojis)).isEqualTo("a");
	}

	@Test
	void cutContentGoesOnTheSpan() {
		ToolCallContext context = new ToolCallContext("web_search");
		context.setArguments("x".repeat(100));
		new AgentContentObservationFilter(20).map(context);
		assertThat(context.getHighCardinalityKeyValues()).extracting(KeyValue::getValue)
			.containsExactly("x".repeat(17) + "...");
	}

}
