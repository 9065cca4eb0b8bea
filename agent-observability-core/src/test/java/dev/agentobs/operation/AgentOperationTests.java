package dev.agentobs.operation;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AgentOperation}'s builder: what it accepts and the messages of what it
 * refuses.
 */
class AgentOperationTests {

	@Test
	void builderRefusesBlankNamesNamingTheArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> AgentOperation.toolCall(" "))
			.withMessage("toolName must not be null or blank");
		assertThatIllegalArgumentException().isThrownBy(() -> AgentOperation.modelCall("openai", null))
			.withMessage("requestModel must not be null or blank");
		assertThatIllegalArgumentException().isThrownBy(() -> AgentOperation.toolCall("web_search").toolType(""))
			.withMessage("toolType must not be null or blank");
	}

	@Test
	void builderRefusesNegativeNumbersSayingWhatTheyWere() {
		assertThatIllegalArgumentException().isThrownBy(() -> AgentOperation.agentStep("research-agent", 0))
			.withMessage("stepNumber must be 1 or more, was 0");
		ModelCall.Builder modelCall = AgentOperation.modelCall("openai", "gpt-4o");
		assertThatIllegalArgumentException().isThrownBy(() -> modelCall.tokens(-1, 5))
			.withMessage("inputTokens must be 0 to 10000000000 (a count above is no count), was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> modelCall.tokens(5, -2))
			.withMessage("outputTokens must be 0 to 10000000000 (a count above is no count), was -2");
		assertThatIllegalArgumentException().isThrownBy(() -> modelCall.cachedInputTokens(-3))
			.withMessage("cachedInputTokens must be 0 to 10000000000 (a count above is no count), was -3");
		assertThatIllegalArgumentException().isThrownBy(() -> modelCall.tokens(5, Long.MAX_VALUE))
			.withMessage("outputTokens must be 0 to 10000000000 (a count above is no count), was " + Long.MAX_VALUE);
		assertThatIllegalArgumentException().isThrownBy(() -> modelCall.duration(Duration.ofMillis(-1)))
			.withMessage("duration must not be null or negative, was PT-0.001S");
		assertThatIllegalArgumentException().isThrownBy(() -> modelCall.duration(null))
			.withMessage("duration must not be null or negative, was null");
	}

	@Test
	void builderKeepsWhatItAccepts() {
		ModelCall operation = AgentOperation.modelCall("openai", "gpt-4o")
			.tokens(0, 7)
			.cachedInputTokens(0)
			.duration(Duration.ZERO)
			.build();
		assertThat(operation.tokens().input()).isZero();
		assertThat(operation.tokens().output()).isEqualTo(7);
		assertThat(operation.duration()).isZero();
		assertThat(AgentOperation.agentStep("research-agent", 1).build().stepNumber()).isEqualTo(1);
	}

}
