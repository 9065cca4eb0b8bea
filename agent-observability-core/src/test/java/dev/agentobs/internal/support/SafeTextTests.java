package dev.agentobs.internal.support;

import org.junit.jupiter.api.Test;

import dev.agentobs.operation.AgentOperation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SafeText}.
 */
class SafeTextTests {

	@Test
	void namesAreCutToTheLengthOperationsKeep() {
		assertThat(SafeText.MAX_NAME_LENGTH).isEqualTo(AgentOperation.MAX_NAME_LENGTH);
		String name = "n".repeat(10_000);
		assertThat(SafeText.name(name)).hasSize(128);
		String shortName = "web_search";
		assertThat(SafeText.name(shortName)).isSameAs(shortName);
		assertThat(SafeText.name("n".repeat(127) + "\uD83D\uDE00")).hasSize(127);
	}

	@Test
	void controlCharactersAreEscapedAndOtherTextIsReturnedAsIs() {
		String plain = "Agent run research-agent finished in 5 ms";
		assertThat(SafeText.escapeControls(plain)).isSameAs(plain);
		assertThat(SafeText.escapeControls("x\n12:00:00 ERROR FORGED\r\tend\u0000\u001b[31m\u007f"))
			.isEqualTo("x\\n12:00:00 ERROR FORGED\\r\\tend\\u0000\\u001b[31m\\u007f");
	}

}
