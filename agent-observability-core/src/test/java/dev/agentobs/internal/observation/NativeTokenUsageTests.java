package dev.agentobs.internal.observation;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NativeTokenUsage}, over usage objects shaped as the providers' clients
 * shape them.
 */
class NativeTokenUsageTests {

	@Test
	void openAiUsageOfSpringAiGivesCachedAndReasoningTokens() {
		OpenAiApiUsage usage = new OpenAiApiUsage(30, 1200, 1230, new PromptTokensDetails(0, 1024),
				new CompletionTokenDetails(18, 0));
		assertThat(NativeTokenUsage.of(usage)).isEqualTo(new NativeTokenUsage(1024, 0, 18, false));
	}

	@Test
	void openAiJavaSdkUsageWithOptionalsGivesCachedAndReasoningTokens() {
		SdkUsage usage = new SdkUsage(Optional.of(new SdkPromptDetails(Optional.of(512L))),
				Optional.of(new SdkCompletionDetails(Optional.of(64L))));
		assertThat(NativeTokenUsage.of(usage)).isEqualTo(new NativeTokenUsage(512, 0, 64, false));
		assertThat(NativeTokenUsage.of(new SdkUsage(Optional.empty(), Optional.empty())))
			.isSameAs(NativeTokenUsage.NONE);
	}

	@Test
	void anthropicUsageGivesCacheReadsAndWrites() {
		NativeTokenUsage usage = NativeTokenUsage.of(new AnthropicUsage(20, 100, 2048, 4096));
		assertThat(usage).isEqualTo(new NativeTokenUsage(4096, 2048, 0, true));
		// Anthropic's input tokens leave the cache out: the conventions' input count adds it
		assertThat(usage.inputTokens(20, 4096, 2048)).isEqualTo(20 + 4096 + 2048);
	}

	@Test
	void openAiUsageCountsCacheReadsWithinItsInputTokens() {
		NativeTokenUsage usage = NativeTokenUsage.of(new OpenAiApiUsage(7, 1500, 1507,
				new PromptTokensDetails(0, 1024), new CompletionTokenDetails(0, 0)));
		assertThat(usage.cacheOutsideInput()).isFalse();
		assertThat(usage.inputTokens(1500, 1024, 0)).isEqualTo(1500);
	}

	@Test
	void anythingElseCountsNothing() {
		assertThat(NativeTokenUsage.of(null)).isSameAs(NativeTokenUsage.NONE);
		assertThat(NativeTokenUsage.of("usage")).isSameAs(NativeTokenUsage.NONE);
		assertThat(NativeTokenUsage.of(new AnthropicUsage(20, 100, -5, null))).isSameAs(NativeTokenUsage.NONE);
	}

	public record OpenAiApiUsage(Integer completionTokens, Integer promptTokens, Integer totalTokens,
			PromptTokensDetails promptTokensDetails, CompletionTokenDetails completionTokenDetails) {
	}

	public record PromptTokensDetails(Integer audioTokens, Integer cachedTokens) {
	}

	public record CompletionTokenDetails(Integer reasoningTokens, Integer audioTokens) {
	}

	public record SdkUsage(Optional<SdkPromptDetails> promptTokensDetails,
			Optional<SdkCompletionDetails> completionTokensDetails) {
	}

	public record SdkPromptDetails(Optional<Long> cachedTokens) {
	}

	public record SdkCompletionDetails(Optional<Long> reasoningTokens) {
	}

	public record AnthropicUsage(Integer inputTokens, Integer outputTokens, Integer cacheCreationInputTokens,
			Integer cacheReadInputTokens) {
	}

}
